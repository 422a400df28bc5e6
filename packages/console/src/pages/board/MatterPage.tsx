import { useMutation, useQuery } from '@apollo/client/react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Progress,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useParams } from 'react-router';
import { describeFailure } from '../../api/errors';
import {
  AcceptMatterDocument,
  CompleteMatterDocument,
  MatterDocument,
  ReportMatterProgressDocument,
  type MatterDetailFragment,
} from '../../generated/graphql';
import { formatChinaTime } from '../../lib/china-time';
import { FailurePage, NotFoundPage } from '../errors/FailurePages';
import { CLASSIFICATION_LABELS, ESCALATION, STATUS_LABELS } from '../workbench/workbench';
import { matterTimeline } from './board';
import { useFormDraft } from '../../app/useFormDraft';

const TIMELINE_COLORS = { step: 'blue', report: 'green', reminder: 'orange', difficulty: 'red' };

/** A matter's timeline and the steps the viewer may take on it now. */
export default function MatterPage() {
  const { id = '' } = useParams();
  const { data, error, loading } = useQuery(MatterDocument, { variables: { id } });
  if (error && !data) return <FailurePage failure={describeFailure(error)} />;
  if (loading && !data) return <Card loading />;
  // Absent and not visible read the same: nothing tells the viewer which it is.
  if (!data?.assignment) return <NotFoundPage />;
  return <MatterView matter={data.assignment} />;
}

function MatterView({ matter }: { matter: MatterDetailFragment }) {
  const actions = new Set(matter.availableActions);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {matter.title}
        </Typography.Title>
        <Tag>{STATUS_LABELS[matter.status]}</Tag>
        {matter.escalationLevel && (
          <Tag color={ESCALATION[matter.escalationLevel]?.color}>
            {ESCALATION[matter.escalationLevel]?.label}
          </Tag>
        )}
      </Space>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="主办处室">{matter.leadDivision.name}</Descriptions.Item>
        <Descriptions.Item label="协办处室">
          {matter.coDivisions.map((d) => d.name).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="交办人">{matter.assignedBy?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="办理时限">
          <Typography.Text type={matter.overdue ? 'danger' : undefined}>
            {formatChinaTime(matter.deadline)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="密级">
          {CLASSIFICATION_LABELS[matter.classification]}
        </Descriptions.Item>
        <Descriptions.Item label="进度">
          <Progress percent={matter.progress} size="small" style={{ width: 200 }} />
        </Descriptions.Item>
        <Descriptions.Item label="办理要求" span={2}>
          {matter.requirements || '—'}
        </Descriptions.Item>
      </Descriptions>
      <MatterActions matter={matter} actions={actions} />
      <Card title="办理过程">
        <Timeline
          aria-label="办理过程"
          items={matterTimeline(matter).map((entry) => ({
            key: entry.key,
            color: TIMELINE_COLORS[entry.kind],
            children: (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>
                  {entry.title}
                  {entry.who ? ` · ${entry.who}` : ''}
                </Typography.Text>
                {entry.detail && <Typography.Text>{entry.detail}</Typography.Text>}
                <Typography.Text type="secondary">{formatChinaTime(entry.at)}</Typography.Text>
              </Space>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}

function MatterActions({
  matter,
  actions,
}: {
  matter: MatterDetailFragment;
  actions: Set<string>;
}) {
  const { message } = App.useApp();
  const [accept, accepting] = useMutation(AcceptMatterDocument);
  const [complete, completing] = useMutation(CompleteMatterDocument);
  const [report, reporting] = useMutation(ReportMatterProgressDocument);
  const [form] = Form.useForm<{ text: string; percent: number }>();
  // Kept if the session ends mid-sentence: back here after signing in again, the text is still there.
  const draft = useFormDraft(form, 'progress', { percent: matter.progress });

  const run = async (what: string, step: () => Promise<unknown>) => {
    try {
      await step();
      void message.success(what);
    } catch (failure) {
      void message.error(describeFailure(failure).message);
    }
  };
  const step = { id: matter.id, expectedVersion: matter.version };
  if (!actions.has('ACCEPT') && !actions.has('REPORT_PROGRESS') && !actions.has('COMPLETE')) {
    return null;
  }

  return (
    <Card title="办理">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space>
          {actions.has('ACCEPT') && (
            <Button
              type="primary"
              loading={accepting.loading}
              onClick={() => run('已签收', () => accept({ variables: { input: step } }))}
            >
              签收
            </Button>
          )}
          {actions.has('COMPLETE') && (
            <Button
              loading={completing.loading}
              onClick={() => run('已办结', () => complete({ variables: { input: step } }))}
            >
              办结
            </Button>
          )}
        </Space>
        {actions.has('REPORT_PROGRESS') && (
          <Form
            form={form}
            layout="vertical"
            aria-label="汇报进展"
            initialValues={draft.initialValues}
            onValuesChange={draft.onValuesChange}
            onFinish={(values) =>
              run('已汇报进展', async () => {
                await report({
                  variables: {
                    input: {
                      assignmentId: matter.id,
                      expectedVersion: matter.version,
                      text: values.text,
                      percent: values.percent,
                    },
                  },
                });
                form.resetFields(['text']);
                draft.forget();
              })
            }
          >
            <Form.Item
              name="text"
              label="进展情况"
              rules={[{ required: true, message: '请填写进展情况' }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="percent" label="完成比例（%）" rules={[{ required: true }]}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={reporting.loading}>
              汇报进展
            </Button>
          </Form>
        )}
      </Space>
    </Card>
  );
}
