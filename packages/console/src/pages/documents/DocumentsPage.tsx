import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { describeFailure } from '../../api/errors';
import {
  AcknowledgeReadingDocument,
  DocumentsDocument,
  ReadingInboxDocument,
  RegisterDocumentDocument,
  type Classification,
  type ReadingStatus,
} from '../../generated/graphql';
import { formatChinaTime } from '../../lib/china-time';
import { FailurePage } from '../errors/FailurePages';
import { CLASSIFICATION_LABELS } from '../workbench/workbench';
import {
  DOCUMENT_KIND_LABELS,
  READING_STATUS,
  REGISTRABLE_KINDS,
  tabFrom,
  type DocumentTab,
} from './documents';

/** 公文与阅知: my reading inbox (已阅 with a comment) and the documents I may see (register). */
export default function DocumentsPage() {
  const [search, setSearch] = useSearchParams();
  const tab = tabFrom(search);
  const choose = (next: Record<string, string | undefined>) => {
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined) params.delete(key);
      else params.set(key, value);
    }
    setSearch(params, { replace: true });
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        公文与阅知
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => choose({ tab: key as DocumentTab, status: undefined })}
        items={[
          {
            key: 'inbox',
            label: '我的阅知',
            children: (
              <ReadingInbox
                status={(search.get('status') as ReadingStatus | null) ?? undefined}
                onStatus={(status) => choose({ status })}
              />
            ),
          },
          {
            key: 'documents',
            label: '文件',
            children: (
              <DocumentList
                classification={
                  (search.get('classification') as Classification | null) ?? undefined
                }
                onClassification={(classification) => choose({ classification })}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}

function ReadingInbox({
  status,
  onStatus,
}: {
  status: ReadingStatus | undefined;
  onStatus: (status: string | undefined) => void;
}) {
  const { data, error, loading, fetchMore } = useQuery(ReadingInboxDocument, {
    variables: { status },
  });
  const [acknowledging, setAcknowledging] = useState<{ id: string; title: string }>();
  if (error && !data) return <FailurePage failure={describeFailure(error)} />;
  const page = data?.readingInbox;
  const rows = page?.edges.map((edge) => edge.node) ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        aria-label="阅知状态"
        allowClear
        placeholder="全部状态"
        style={{ width: 160 }}
        value={status}
        onChange={(value?: string) => onStatus(value)}
        options={Object.entries(READING_STATUS).map(([value, { label }]) => ({ value, label }))}
      />
      <Table
        aria-label="我的阅知"
        rowKey="id"
        loading={loading && !data}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: '文件',
            render: (_, row) =>
              row.document ? (
                <Link to={`/documents/${row.document.id}`}>{row.documentTitle}</Link>
              ) : (
                row.documentTitle
              ),
          },
          { title: '密级', render: (_, row) => CLASSIFICATION_LABELS[row.classification] },
          {
            title: '状态',
            render: (_, row) => (
              <Tag color={READING_STATUS[row.status]?.color}>
                {READING_STATUS[row.status]?.label}
              </Tag>
            ),
          },
          { title: '阅知时限', render: (_, row) => formatChinaTime(row.dueAt) },
          {
            title: '',
            render: (_, row) =>
              row.status === 'READ' ? (
                <Typography.Text type="secondary">{row.comment ?? '已阅'}</Typography.Text>
              ) : (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setAcknowledging({ id: row.id, title: row.documentTitle })}
                >
                  已阅
                </Button>
              ),
          },
        ]}
      />
      {page?.pageInfo.hasNextPage && (
        <Button onClick={() => void fetchMore({ variables: { after: page.pageInfo.endCursor } })}>
          加载更多（共 {page.totalCount} 件）
        </Button>
      )}
      {acknowledging && (
        <AcknowledgeModal reading={acknowledging} onClose={() => setAcknowledging(undefined)} />
      )}
    </Space>
  );
}

function AcknowledgeModal({
  reading,
  onClose,
}: {
  reading: { id: string; title: string };
  onClose: () => void;
}) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  const [acknowledge, { loading }] = useMutation(AcknowledgeReadingDocument);
  return (
    <Modal
      open
      title={`已阅：${reading.title}`}
      okText="确认已阅"
      cancelText="取消"
      confirmLoading={loading}
      onCancel={onClose}
      onOk={async () => {
        try {
          await acknowledge({
            variables: {
              input: { readingRequestId: reading.id, comment: comment.trim() || null },
            },
          });
          void message.success('已阅');
          onClose();
        } catch (failure) {
          setError(describeFailure(failure).message);
        }
      }}
    >
      <label>
        阅知意见（可不填）
        <Input.TextArea
          aria-label="阅知意见"
          rows={3}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </label>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}

function DocumentList({
  classification,
  onClassification,
}: {
  classification: Classification | undefined;
  onClassification: (classification: string | undefined) => void;
}) {
  const { data, error, loading, fetchMore } = useQuery(DocumentsDocument, {
    variables: { classification },
  });
  const [registering, setRegistering] = useState(false);
  if (error && !data) return <FailurePage failure={describeFailure(error)} />;
  const page = data?.documents;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          aria-label="密级"
          allowClear
          placeholder="全部密级"
          style={{ width: 160 }}
          value={classification}
          onChange={(value?: string) => onClassification(value)}
          options={Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => ({
            value,
            label,
          }))}
        />
        <Button type="primary" onClick={() => setRegistering(true)}>
          登记文件
        </Button>
      </Space>
      <Table
        aria-label="文件"
        rowKey="id"
        loading={loading && !data}
        dataSource={page?.edges.map((edge) => edge.node) ?? []}
        pagination={false}
        columns={[
          {
            title: '标题',
            render: (_, row) => <Link to={`/documents/${row.id}`}>{row.title}</Link>,
          },
          { title: '种类', render: (_, row) => DOCUMENT_KIND_LABELS[row.kind] ?? row.kind },
          { title: '文号', render: (_, row) => row.documentNumber ?? '—' },
          { title: '密级', render: (_, row) => CLASSIFICATION_LABELS[row.classification] },
          { title: '登记处室', render: (_, row) => row.registeringDivision.name },
          { title: '登记时间', render: (_, row) => formatChinaTime(row.registeredAt) },
        ]}
      />
      {page?.pageInfo.hasNextPage && (
        <Button onClick={() => void fetchMore({ variables: { after: page.pageInfo.endCursor } })}>
          加载更多（共 {page.totalCount} 件）
        </Button>
      )}
      {registering && <RegisterModal onClose={() => setRegistering(false)} />}
    </Space>
  );
}

type RegisterValues = { title: string; kind: string; classification: string; body?: string };

function RegisterModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<RegisterValues>();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [register, { loading }] = useMutation(RegisterDocumentDocument, {
    refetchQueries: [DocumentsDocument],
  });
  async function submit(values: RegisterValues) {
    setError(undefined);
    try {
      const result = await register({
        variables: {
          input: {
            title: values.title,
            kind: values.kind as never,
            classification: values.classification as never,
            body: values.body ?? '',
          },
        },
      });
      onClose();
      const id = result.data?.registerDocument.id;
      if (id) void navigate(`/documents/${id}`);
    } catch (failure) {
      setError(describeFailure(failure).message);
    }
  }
  return (
    <Modal
      open
      title="登记文件"
      okText="登记"
      cancelText="取消"
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'DIVISION_PUBLICATION', classification: 'INTERNAL' }}
        onFinish={submit}
      >
        <Form.Item
          name="title"
          label="文件标题"
          rules={[{ required: true, message: '请填写标题' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label="文件种类">
          <Select
            options={REGISTRABLE_KINDS.map((kind) => ({
              value: kind,
              label: DOCUMENT_KIND_LABELS[kind],
            }))}
          />
        </Form.Item>
        <Form.Item name="classification" label="密级">
          <Select
            options={Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => ({
              value,
              label,
            }))}
          />
        </Form.Item>
        <Form.Item name="body" label="正文">
          <Input.TextArea rows={4} />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}
