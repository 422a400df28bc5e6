import { useMutation, useQuery } from '@apollo/client/react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { describeFailure } from '../../api/errors';
import {
  DistributeDocumentDocument,
  DistributionChoicesDocument,
  DistributionReceiptsDocument,
  DocumentDetailDocument,
  RemindUnreadReadersDocument,
  type DocumentDetailQuery,
} from '../../generated/graphql';
import { formatChinaTime } from '../../lib/china-time';
import { FailurePage, NotFoundPage } from '../errors/FailurePages';
import { CLASSIFICATION_LABELS } from '../workbench/workbench';
import {
  DOCUMENT_KIND_LABELS,
  READING_STATUS,
  distributionRecipientsProblem,
  leaderOptions,
  receiptOrder,
  recipientName,
} from './documents';

type DocumentView = NonNullable<DocumentDetailQuery['document']>;
type DistributionView = DocumentView['distributions'][number];

/** One document: what it says, and for its sender each 分送 with who has read it and who has not. */
export default function DocumentPage() {
  const { id = '' } = useParams();
  const { data, error, loading } = useQuery(DocumentDetailDocument, { variables: { id } });
  if (error && !data) return <FailurePage failure={describeFailure(error)} />;
  if (loading && !data) return <Card loading />;
  // Absent and above the viewer's clearance read the same: nothing tells which it is.
  if (!data?.document) return <NotFoundPage />;
  return <DocumentView document={data.document} />;
}

function DocumentView({ document }: { document: DocumentView }) {
  const [distributing, setDistributing] = useState(false);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {document.title}
        </Typography.Title>
        <Tag color="red">{CLASSIFICATION_LABELS[document.classification]}</Tag>
      </Space>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="种类">{DOCUMENT_KIND_LABELS[document.kind]}</Descriptions.Item>
        <Descriptions.Item label="文号">{document.documentNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="登记处室">{document.registeringDivision.name}</Descriptions.Item>
        <Descriptions.Item label="登记时间">
          {formatChinaTime(document.registeredAt)}
        </Descriptions.Item>
      </Descriptions>
      {document.body && (
        <Card title="正文">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {document.body}
          </Typography.Paragraph>
        </Card>
      )}
      <Card
        title="分送与阅知情况"
        extra={
          <Button type="primary" onClick={() => setDistributing(true)}>
            分送
          </Button>
        }
      >
        {document.distributions.length === 0 ? (
          <Typography.Text type="secondary">尚未分送</Typography.Text>
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {document.distributions.map((distribution) => (
              <ReadReceipts key={distribution.id} distribution={distribution} />
            ))}
          </Space>
        )}
      </Card>
      {distributing && (
        <DistributeModal documentId={document.id} onClose={() => setDistributing(false)} />
      )}
    </Space>
  );
}

function ReadReceipts({ distribution }: { distribution: DistributionView }) {
  const { message } = App.useApp();
  const receipts = useQuery(DistributionReceiptsDocument, {
    variables: { id: distribution.id },
  });
  const [remind, { loading }] = useMutation(RemindUnreadReadersDocument, {
    refetchQueries: [DocumentDetailDocument, DistributionReceiptsDocument],
  });
  const rows = receiptOrder(
    (receipts.data?.distribution?.readingRequests.edges ?? []).map(({ node }) => ({
      ...node,
      name: recipientName(node),
    })),
  );
  return (
    <Card
      type="inner"
      title={`${formatChinaTime(distribution.distributedAt)} 分送 · 已阅 ${distribution.readCount}/${distribution.recipientCount}`}
      extra={
        <Button
          size="small"
          disabled={distribution.unreadCount === 0}
          loading={loading}
          onClick={async () => {
            try {
              const result = await remind({ variables: { distributionId: distribution.id } });
              void message.success(
                `已催阅 ${result.data?.remindUnreadReaders.remindedCount ?? 0} 人`,
              );
            } catch (failure) {
              void message.error(describeFailure(failure).message);
            }
          }}
        >
          催阅未阅人员
        </Button>
      }
    >
      <Table
        aria-label="阅知情况"
        rowKey="id"
        size="small"
        pagination={false}
        loading={receipts.loading && !receipts.data}
        dataSource={rows}
        columns={[
          { title: '接收人', dataIndex: 'name' },
          {
            title: '状态',
            render: (_, row) => (
              <Tag color={READING_STATUS[row.status]?.color}>
                {READING_STATUS[row.status]?.label}
              </Tag>
            ),
          },
          {
            title: '阅知',
            render: (_, row) =>
              row.acknowledgedAt
                ? `${row.acknowledgedBy?.name ?? ''} ${formatChinaTime(row.acknowledgedAt)}`
                : `时限 ${formatChinaTime(row.dueAt)}`,
          },
          { title: '意见', render: (_, row) => row.comment ?? '' },
          { title: '催阅次数', dataIndex: 'reminderCount' },
        ]}
      />
    </Card>
  );
}

type DistributeValues = {
  staffIds?: string[];
  divisionIds?: string[];
  dueAt: Dayjs;
  note?: string;
};

function DistributeModal({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const [form] = Form.useForm<DistributeValues>();
  const [error, setError] = useState<string>();
  const { data } = useQuery(DistributionChoicesDocument);
  const [distribute, { loading }] = useMutation(DistributeDocumentDocument, {
    refetchQueries: [DocumentDetailDocument],
    awaitRefetchQueries: true,
  });
  async function submit(values: DistributeValues) {
    const problem = distributionRecipientsProblem(values);
    setError(problem ?? undefined);
    if (problem) return;
    try {
      await distribute({
        variables: {
          input: {
            documentId,
            staffIds: values.staffIds ?? [],
            divisionIds: values.divisionIds ?? [],
            dueAt: values.dueAt.toISOString(),
            note: values.note ?? null,
          },
        },
      });
      onClose();
    } catch (failure) {
      setError(describeFailure(failure).message);
    }
  }
  return (
    <Modal
      open
      title="分送文件"
      okText="分送"
      cancelText="取消"
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ dueAt: dayjs().add(3, 'day').hour(18).minute(0).second(0) }}
        onFinish={submit}
      >
        <Form.Item name="staffIds" label="分送领导">
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={leaderOptions(
              (data?.committeeLeaders.edges ?? []).map(({ node }) => node),
              (data?.officeLeaders.edges ?? []).map(({ node }) => node),
            )}
          />
        </Form.Item>
        <Form.Item name="divisionIds" label="分送处室">
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(data?.divisions.edges ?? []).map(({ node }) => ({
              value: node.id,
              label: node.name,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="dueAt"
          label="阅知时限"
          rules={[{ required: true, message: '请选择时限' }]}
        >
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="附言">
          <Input.TextArea rows={2} />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}
