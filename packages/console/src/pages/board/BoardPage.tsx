import { useMutation, useQuery } from '@apollo/client/react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { describeFailure } from '../../api/errors';
import { CursorPager } from '../../app/CursorPager';
import { isLeadership } from '../../auth/session';
import { useSignedIn } from '../../auth/SessionContext';
import {
  BoardDocument,
  BoardMattersDocument,
  CreateMatterDocument,
  type BoardMattersQuery,
} from '../../generated/graphql';
import { deadlineWords, formatChinaTime } from '../../lib/china-time';
import { FailurePage } from '../errors/FailurePages';
import { ESCALATION, STATUS_LABELS } from '../workbench/workbench';
import { boardViewFrom, filterFrom, searchFrom, type BoardView } from './board';
import { useFormDraft } from '../../app/useFormDraft';

type MatterRow = BoardMattersQuery['assignments']['edges'][number]['node'];

const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;

/** 督办: the leadership board — figures by division, then the matters behind them. */
export default function BoardPage() {
  const { claims } = useSignedIn();
  const [search, setSearch] = useSearchParams();
  const view = boardViewFrom(search);
  const setView = (next: BoardView) => setSearch(searchFrom(next));
  const board = useQuery(BoardDocument);
  const matters = useQuery(BoardMattersDocument, {
    variables: { filter: filterFrom(view), after: view.after ?? null },
  });
  const [creating, setCreating] = useState(false);

  if (board.error && !board.data) return <FailurePage failure={describeFailure(board.error)} />;
  const rows = board.data?.leadershipBoard.rows ?? [];
  const totals = board.data?.leadershipBoard.totals;
  const page = matters.data?.assignments;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          督办
        </Typography.Title>
        {isLeadership(claims) && (
          <Button type="primary" onClick={() => setCreating(true)}>
            交办事项
          </Button>
        )}
      </Space>
      <Card loading={board.loading && !board.data}>
        <Space size="large" wrap>
          <Statistic title="在办" value={totals?.open ?? 0} />
          <Statistic title="本周到期" value={totals?.dueThisWeek ?? 0} />
          <Statistic
            title="逾期"
            value={totals?.overdue ?? 0}
            styles={{ content: { color: '#cf1322' } }}
          />
          <Statistic title="按时办结率" value={percent(totals?.onTimeRate)} />
        </Space>
      </Card>
      <Table
        aria-label="各处室督办情况"
        rowKey={(row) => row.division.id}
        size="small"
        pagination={false}
        loading={board.loading && !board.data}
        dataSource={rows}
        onRow={(row) => ({ onClick: () => setView({ division: row.division.id }) })}
        columns={[
          {
            title: '处室',
            render: (_, row) => (
              <Button type="link" onClick={() => setView({ division: row.division.id })}>
                {row.division.name}
              </Button>
            ),
          },
          { title: '在办', render: (_, row) => row.figures.open },
          { title: '本周到期', render: (_, row) => row.figures.dueThisWeek },
          {
            title: '逾期',
            render: (_, row) =>
              row.figures.overdue > 0 ? (
                <Button
                  type="link"
                  danger
                  onClick={(event) => {
                    event.stopPropagation();
                    setView({ division: row.division.id, overdue: true });
                  }}
                >
                  {row.figures.overdue}
                </Button>
              ) : (
                0
              ),
          },
          { title: '按时办结', render: (_, row) => row.figures.completedOnTime },
          { title: '超时办结', render: (_, row) => row.figures.completedLate },
          { title: '按时办结率', render: (_, row) => percent(row.figures.onTimeRate) },
        ]}
      />
      <Card
        title={`事项${page ? `（共 ${page.totalCount} 项）` : ''}`}
        extra={
          <Space wrap>
            <Select
              aria-label="处室"
              allowClear
              placeholder="全部处室"
              style={{ width: 160 }}
              value={view.division}
              options={rows.map((row) => ({ value: row.division.id, label: row.division.name }))}
              onChange={(division?: string) => setView({ ...view, division, after: undefined })}
            />
            <Select
              aria-label="状态"
              allowClear
              placeholder="全部状态"
              style={{ width: 120 }}
              value={view.status}
              options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
              onChange={(status?: string) => setView({ ...view, status, after: undefined })}
            />
            <Select
              aria-label="督办等级"
              allowClear
              placeholder="督办等级"
              style={{ width: 120 }}
              value={view.escalation}
              options={Object.entries(ESCALATION).map(([value, { label }]) => ({ value, label }))}
              onChange={(escalation?: string) => setView({ ...view, escalation, after: undefined })}
            />
          </Space>
        }
      >
        <Table<MatterRow>
          aria-label="督办事项"
          rowKey="id"
          loading={matters.loading}
          dataSource={page?.edges.map((edge) => edge.node) ?? []}
          pagination={false}
          columns={[
            {
              title: '事项',
              render: (_, matter) => <Link to={`/board/matters/${matter.id}`}>{matter.title}</Link>,
            },
            { title: '主办处室', render: (_, matter) => matter.leadDivision.name },
            { title: '状态', render: (_, matter) => <Tag>{STATUS_LABELS[matter.status]}</Tag> },
            {
              title: '督办',
              render: (_, matter) =>
                matter.escalationLevel ? (
                  <Tag color={ESCALATION[matter.escalationLevel]?.color}>
                    {ESCALATION[matter.escalationLevel]?.label}
                  </Tag>
                ) : null,
            },
            {
              title: '时限',
              render: (_, matter) => (
                <Space orientation="vertical" size={0}>
                  {formatChinaTime(matter.deadline)}
                  <Typography.Text type={matter.overdue ? 'danger' : 'secondary'}>
                    {deadlineWords(matter.deadline)}
                  </Typography.Text>
                </Space>
              ),
            },
          ]}
        />
        <CursorPager
          style={{ marginTop: 16 }}
          after={view.after}
          pageInfo={page?.pageInfo}
          onPage={(after) => setView({ ...view, after })}
        />
      </Card>
      {creating && (
        <CreateMatterModal
          divisions={rows.map((row) => row.division)}
          onClose={() => setCreating(false)}
        />
      )}
    </Space>
  );
}

interface CreateMatterValues {
  title: string;
  requirements?: string;
  leadDivisionId: string;
  deadline: Dayjs;
  priority: 'NORMAL' | 'HIGH' | 'URGENT';
}

/** Three days from now at 18:00: a usual time limit, changed as needed. */
const defaultDeadline = () => dayjs().add(3, 'day').hour(18).minute(0).second(0);

function CreateMatterModal({
  divisions,
  onClose,
}: {
  divisions: { id: string; name: string }[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<CreateMatterValues>();
  // Reopened after a new sign-in, the dialog has what was typed before the session ended.
  const draft = useFormDraft(form, 'create-matter', {
    priority: 'NORMAL',
    deadline: defaultDeadline(),
  });
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [create, { loading }] = useMutation(CreateMatterDocument, {
    refetchQueries: [BoardDocument, BoardMattersDocument],
  });
  const [error, setError] = useState<string>();

  async function submit(values: CreateMatterValues) {
    setError(undefined);
    try {
      const result = await create({
        variables: {
          input: {
            title: values.title,
            requirements: values.requirements ?? '',
            leadDivisionId: values.leadDivisionId,
            deadline: values.deadline.toISOString(),
            priority: values.priority,
          },
        },
      });
      const id = result.data?.createAssignment.id;
      void message.success('已交办');
      draft.forget();
      onClose();
      if (id) navigate(`/board/matters/${id}`);
    } catch (failure) {
      setError(describeFailure(failure).message);
    }
  }

  return (
    <Modal
      open
      title="交办事项"
      okText="交办"
      cancelText="取消"
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={draft.initialValues}
        onValuesChange={draft.onValuesChange}
        onFinish={submit}
      >
        <Form.Item
          name="title"
          label="事项名称"
          rules={[{ required: true, message: '请填写事项名称' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="requirements" label="办理要求">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="leadDivisionId"
          label="主办处室"
          rules={[{ required: true, message: '请选择主办处室' }]}
        >
          <Select options={divisions.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label="办理时限"
          rules={[{ required: true, message: '请选择时限' }]}
        >
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="priority" label="紧急程度">
          <Select
            options={[
              { value: 'NORMAL', label: '一般' },
              { value: 'HIGH', label: '紧急' },
              { value: 'URGENT', label: '特急' },
            ]}
          />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}
