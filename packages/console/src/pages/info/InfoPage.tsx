import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeFailure } from '../../api/errors';
import { CursorPager } from '../../app/CursorPager';
import { ActionProblem, useActionProblem } from '../../app/useActionProblem';
import {
  AdoptInfoDocument,
  InfoSubmissionsDocument,
  ReturnInfoDocument,
  SubmitInfoDocument,
  type InfoSubmissionsQuery,
} from '../../generated/graphql';
import { formatChinaTime } from '../../lib/china-time';
import { FailurePage } from '../errors/FailurePages';
import {
  canDecide,
  INFO_STATUS,
  infoSearchFrom,
  infoViewFrom,
  returnReasonProblem,
  type InfoView,
} from './info';

type Item = InfoSubmissionsQuery['infoSubmissions']['edges'][number]['node'];

/**
 * 信息报送: what the viewer's division submitted (the secretariat: everything), filtered by status
 * and paged on the server, the filter and page kept in the URL. Anyone submits; the secretariat
 * adopts or returns with a reason.
 */
export default function InfoPage() {
  const [search, setSearch] = useSearchParams();
  const view = infoViewFrom(search);
  const setView = (next: InfoView) => setSearch(infoSearchFrom(next));
  const { data, error, loading, refetch } = useQuery(InfoSubmissionsDocument, {
    variables: { status: view.status ?? null, after: view.after ?? null },
  });
  const [submit, submitting] = useMutation(SubmitInfoDocument);
  const [adopt] = useMutation(AdoptInfoDocument);
  const [giveBack, returning] = useMutation(ReturnInfoDocument);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [returnOf, setReturnOf] = useState<Item>();
  const [reason, setReason] = useState('');
  const [form] = Form.useForm<{ title: string; content: string }>();
  const { problem, setProblem, attempt: run, clearProblem } = useActionProblem(refetch);

  if (error && !data) return <FailurePage failure={describeFailure(error)} />;
  const divisionKind = data?.me?.division?.kind;
  const page = data?.infoSubmissions;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        信息报送
      </Typography.Title>
      <ActionProblem problem={problem} onClose={clearProblem} />
      <Space wrap>
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={view.status}
          options={Object.entries(INFO_STATUS).map(([value, { label }]) => ({ value, label }))}
          onChange={(status?: InfoView['status']) => setView({ status })}
        />
        <Button type="primary" onClick={() => setSubmitOpen(true)}>
          报送信息
        </Button>
        <Typography.Text type="secondary">共 {page?.totalCount ?? 0} 条</Typography.Text>
      </Space>
      <Table<Item>
        aria-label="报送的信息"
        rowKey="id"
        loading={loading && !data}
        pagination={false}
        dataSource={page?.edges.map((edge) => edge.node) ?? []}
        expandable={{ expandedRowRender: (item) => item.content }}
        columns={[
          { title: '标题', dataIndex: 'title' },
          {
            title: '报送单位',
            render: (_, item) => item.submitterDivision?.name ?? item.submitterOffice.name,
          },
          { title: '报送人', render: (_, item) => item.submittedBy.name },
          { title: '报送时间', render: (_, item) => formatChinaTime(item.submittedAt) },
          {
            title: '状态',
            render: (_, item) => (
              <Space orientation="vertical" size={0}>
                <Tag color={INFO_STATUS[item.status]?.color}>
                  {INFO_STATUS[item.status]?.label ?? item.status}
                </Tag>
                {item.returnReason && (
                  <Typography.Text type="secondary">理由：{item.returnReason}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_, item) =>
              canDecide(divisionKind, item.status) ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    aria-label={`采用“${item.title}”`}
                    onClick={() => void run(() => adopt({ variables: { id: item.id } }))}
                  >
                    采用
                  </Button>
                  <Button
                    size="small"
                    aria-label={`退回“${item.title}”`}
                    onClick={() => {
                      setReason('');
                      setReturnOf(item);
                    }}
                  >
                    退回
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <CursorPager
        after={view.after}
        pageInfo={page?.pageInfo}
        onPage={(after) => setView({ ...view, after })}
      />

      <Modal
        title="报送信息"
        open={submitOpen}
        okText="报送"
        confirmLoading={submitting.loading}
        onCancel={() => setSubmitOpen(false)}
        onOk={() =>
          void form.validateFields().then(async (input) => {
            if (await run(() => submit({ variables: { input } }))) {
              form.resetFields();
              setSubmitOpen(false);
            }
          })
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="title"
            label="信息标题"
            rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="content"
            label="信息内容"
            rules={[{ required: true, whitespace: true, message: '请填写内容' }]}
          >
            <Input.TextArea rows={6} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={returnOf ? `退回“${returnOf.title}”` : '退回'}
        open={Boolean(returnOf)}
        okText="退回"
        confirmLoading={returning.loading}
        onCancel={() => setReturnOf(undefined)}
        onOk={() => {
          const refused = returnReasonProblem(reason);
          if (refused || !returnOf) return setProblem(refused);
          void run(() => giveBack({ variables: { id: returnOf.id, reason: reason.trim() } })).then(
            (done) => done && setReturnOf(undefined),
          );
        }}
      >
        <Input.TextArea
          aria-label="退回理由"
          rows={4}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </Modal>
    </Space>
  );
}
