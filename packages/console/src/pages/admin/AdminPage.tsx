import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeFailure } from '../../api/errors';
import { CursorPager } from '../../app/CursorPager';
import { ActionProblem, useActionProblem } from '../../app/useActionProblem';
import { useSignedIn } from '../../auth/SessionContext';
import {
  AdminCreateDivisionDocument,
  AdminOrganisationDocument,
  AdminScoringRulesDocument,
  AdminUpdateStaffDocument,
  ApplyScoringRulesDocument,
  PreviewScoringRulesDocument,
  type AdminOfficeFieldsFragment,
  type AdminRecomputeFieldsFragment,
  type AdminRuleSetFieldsFragment,
  type AdminStaffFieldsFragment,
} from '../../generated/graphql';
import { formatChinaTime } from '../../lib/china-time';
import { FailurePage, ForbiddenPage } from '../errors/FailurePages';
import { NewStaffModal } from './NewStaffModal';
import { OfficeModal } from './OfficeModal';
import { CLASSIFICATION_LABELS } from '../workbench/workbench';
import {
  CATEGORY_LABELS,
  OFFICE_KIND_LABELS,
  ROLE_LABELS,
  adminSearchFrom,
  adminSections,
  adminViewFrom,
  divisionChanges,
  ruleSetInput,
  ruleSetProblems,
  signedPoints,
  type AdminView,
  type RuleSetDraft,
} from './admin';

const CURRENT_YEAR = Number(
  new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

/**
 * 管理: the organisation (administrators) and the scoring rules (assessors, office leadership).
 * The page offers only what the viewer may use; a viewer who may use neither gets the FORBIDDEN
 * page. The subgraphs enforce the same rules, whatever the page shows.
 */
export default function AdminPage() {
  const { claims } = useSignedIn();
  const sections = adminSections(claims.roles);
  const [search, setSearch] = useSearchParams();
  if (!sections.organisation && !sections.scoringRules) {
    return <ForbiddenPage message="管理页面仅供系统管理员、考核人员和厅领导使用。" />;
  }
  const view = adminViewFrom(search, sections, CURRENT_YEAR);
  const setView = (next: AdminView) => setSearch(adminSearchFrom(next, CURRENT_YEAR));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        管理
      </Typography.Title>
      <Tabs
        activeKey={view.tab}
        onChange={(tab) => setView({ tab: tab as AdminView['tab'], year: view.year })}
        items={[
          ...(sections.organisation
            ? [
                {
                  key: 'organisation',
                  label: '组织机构',
                  children: <Organisation view={view} setView={setView} />,
                },
              ]
            : []),
          ...(sections.scoringRules
            ? [
                {
                  key: 'rules',
                  label: '评分标准',
                  children: <ScoringRules view={view} setView={setView} />,
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}

type StaffEdit = {
  title: string;
  roles: string[];
  clearance: string;
  active: boolean;
  divisionId?: string;
};

function Organisation({ view, setView }: { view: AdminView; setView: (v: AdminView) => void }) {
  const { data, error, loading, refetch } = useQuery(AdminOrganisationDocument, {
    variables: {
      divisionId: view.division ?? null,
      search: view.search ?? null,
      after: view.after ?? null,
    },
  });
  const [editing, setEditing] = useState<AdminStaffFieldsFragment>();
  const [creating, setCreating] = useState(false);
  // 新建单位 (open, no office) or 编辑单位 (open with the office).
  const [officeForm, setOfficeForm] = useState<{ office?: AdminOfficeFieldsFragment }>();
  const [newStaff, setNewStaff] = useState(false);
  const [updateStaff, updating] = useMutation(AdminUpdateStaffDocument);
  const [createDivision, creatingDivision] = useMutation(AdminCreateDivisionDocument);
  const [staffForm] = Form.useForm<StaffEdit>();
  const [divisionForm] = Form.useForm<{ name: string; officeId: string }>();
  const { problem, attempt, clearProblem } = useActionProblem(refetch);
  if (error && !data) return <FailurePage failure={describeFailure(error)} />;
  const offices = data?.offices.edges.map(({ node }) => node) ?? [];
  const divisions = data?.divisions.edges.map(({ node }) => node) ?? [];
  const staff = data?.staffMembers;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ActionProblem problem={problem} onClose={clearProblem} />
      <Card
        size="small"
        title="单位"
        extra={
          <Button size="small" onClick={() => setOfficeForm({})}>
            新建单位
          </Button>
        }
      >
        <Table
          aria-label="单位"
          rowKey="id"
          size="small"
          pagination={false}
          loading={loading && !data}
          dataSource={offices}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '简称', dataIndex: 'shortName' },
            {
              title: '类别',
              render: (_, office) => OFFICE_KIND_LABELS[office.kind] ?? office.kind,
            },
            {
              title: '上级单位',
              render: (_, office) =>
                offices.find((o) => o.id === office.parent?.id)?.shortName ?? '—',
            },
            {
              title: '操作',
              render: (_, office) => (
                <Button
                  size="small"
                  aria-label={`编辑${office.shortName}`}
                  onClick={() => setOfficeForm({ office })}
                >
                  编辑
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="处室"
        extra={
          <Button size="small" onClick={() => setCreating(true)}>
            新建处室
          </Button>
        }
      >
        <Space wrap>
          {divisions.map((division) => (
            <Tag key={division.id} color={division.kind === 'SECRETARIAT' ? 'blue' : undefined}>
              {division.name}
            </Tag>
          ))}
        </Space>
      </Card>
      <Card
        size="small"
        title="人员与涉密等级"
        extra={
          <Button size="small" onClick={() => setNewStaff(true)}>
            新建人员
          </Button>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label="处室"
            allowClear
            placeholder="全部处室"
            style={{ width: 180 }}
            value={view.division}
            options={divisions.map((d) => ({ value: d.id, label: d.name }))}
            onChange={(division?: string) => setView({ ...view, division, after: undefined })}
          />
          <Input.Search
            aria-label="姓名或职务"
            placeholder="姓名或职务"
            allowClear
            defaultValue={view.search}
            style={{ width: 200 }}
            onSearch={(text) =>
              setView({ ...view, search: text.trim() || undefined, after: undefined })
            }
          />
          <Typography.Text type="secondary">共 {staff?.totalCount ?? 0} 人</Typography.Text>
        </Space>
        <Table<AdminStaffFieldsFragment>
          aria-label="人员"
          rowKey="id"
          size="small"
          pagination={false}
          loading={loading && !data}
          dataSource={staff?.edges.map(({ node }) => node) ?? []}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '职务', dataIndex: 'title' },
            { title: '处室', render: (_, person) => person.division?.name ?? '—' },
            {
              title: '角色',
              render: (_, person) =>
                person.roles.map((role) => <Tag key={role}>{ROLE_LABELS[role] ?? role}</Tag>),
            },
            {
              title: '涉密等级',
              render: (_, person) =>
                person.clearance ? CLASSIFICATION_LABELS[person.clearance] : '—',
            },
            { title: '状态', render: (_, person) => (person.active ? '在岗' : <Tag>已离岗</Tag>) },
            {
              title: '操作',
              render: (_, person) => (
                <Button
                  size="small"
                  aria-label={`编辑${person.name}`}
                  onClick={() => {
                    staffForm.setFieldsValue({
                      title: person.title,
                      roles: [...person.roles],
                      clearance: person.clearance ?? 'INTERNAL',
                      active: person.active,
                      divisionId: person.division?.id,
                    });
                    setEditing(person);
                  }}
                >
                  编辑
                </Button>
              ),
            },
          ]}
        />
        <CursorPager
          style={{ marginTop: 12 }}
          after={view.after}
          pageInfo={staff?.pageInfo}
          onPage={(after) => setView({ ...view, after })}
        />
      </Card>
      <Modal
        open={!!editing}
        title={`编辑人员：${editing?.name ?? ''}`}
        okText="保存"
        cancelText="取消"
        confirmLoading={updating.loading}
        onOk={() => staffForm.submit()}
        onCancel={() => setEditing(undefined)}
      >
        <Form
          form={staffForm}
          layout="vertical"
          onFinish={async (values) => {
            if (!editing) return;
            const done = await attempt(() =>
              updateStaff({
                variables: {
                  input: {
                    id: editing.id,
                    ...values,
                    roles: values.roles as never,
                    clearance: values.clearance as never,
                    divisionId: values.divisionId ?? null,
                  },
                },
              }),
            );
            if (done) setEditing(undefined);
          }}
        >
          <Form.Item name="title" label="职务" rules={[{ required: true, message: '请填写职务' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="divisionId" label="所在处室">
            <Select allowClear options={divisions.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item name="roles" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select
              mode="multiple"
              options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="clearance" label="涉密等级" rules={[{ required: true }]}>
            <Select
              options={Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => ({
                value,
                label,
              }))}
            />
          </Form.Item>
          <Form.Item name="active" label="在岗" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <OfficeModal
        open={!!officeForm}
        office={officeForm?.office}
        offices={offices}
        attempt={attempt}
        onClose={() => setOfficeForm(undefined)}
      />
      <NewStaffModal
        open={newStaff}
        offices={offices}
        divisions={divisions}
        attempt={attempt}
        onClose={() => setNewStaff(false)}
      />
      <Modal
        open={creating}
        title="新建处室"
        okText="新建"
        cancelText="取消"
        confirmLoading={creatingDivision.loading}
        onOk={() => divisionForm.submit()}
        onCancel={() => setCreating(false)}
      >
        <Form
          form={divisionForm}
          layout="vertical"
          initialValues={{ officeId: offices.find((o) => o.kind === 'OWN')?.id }}
          onFinish={async (values) => {
            const done = await attempt(() =>
              createDivision({
                variables: {
                  input: { ...values, name: values.name.trim(), kind: 'DIVISION' as never },
                },
              }),
            );
            if (done) {
              divisionForm.resetFields();
              setCreating(false);
            }
          }}
        >
          <Form.Item
            name="officeId"
            label="所属单位"
            rules={[{ required: true, message: '请选择单位' }]}
          >
            <Select options={offices.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item
            name="name"
            label="处室名称"
            rules={[{ required: true, message: '请填写处室名称' }]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

function ScoringRules({ view, setView }: { view: AdminView; setView: (v: AdminView) => void }) {
  const { data, error, loading } = useQuery(AdminScoringRulesDocument, {
    variables: { year: view.year },
  });
  if (error && !data) return <FailurePage failure={describeFailure(error)} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Typography.Text>考核年度</Typography.Text>
        <InputNumber
          aria-label="考核年度"
          min={2000}
          max={2100}
          value={view.year}
          onChange={(year) => year && setView({ ...view, year })}
        />
      </Space>
      {loading && !data ? (
        <Card loading />
      ) : (
        data && (
          <RuleSetEditor
            key={`${data.scoringRules.year}-${data.scoringRules.version}`}
            ruleSet={data.scoringRules}
          />
        )
      )}
    </Space>
  );
}

function draftOf(ruleSet: AdminRuleSetFieldsFragment): RuleSetDraft {
  return {
    year: ruleSet.year,
    basedOnVersion: ruleSet.version,
    rules: ruleSet.rules.map((rule) => ({ ...rule, cap: rule.cap ? { ...rule.cap } : null })),
    grading: {
      excellent: ruleSet.grading.excellent,
      good: ruleSet.grading.good,
      pass: ruleSet.grading.pass,
    },
    reason: '',
  };
}

/** The rules as data: change points, caps, conditions and grades; preview the recompute; apply it. */
function RuleSetEditor({ ruleSet }: { ruleSet: AdminRuleSetFieldsFragment }) {
  const [draft, setDraft] = useState(() => draftOf(ruleSet));
  const [preview, setPreview] = useState<{ of: string; result: AdminRecomputeFieldsFragment }>();
  const [problems, setProblems] = useState<string[]>([]);
  const client = useApolloClient();
  const [apply, applying] = useMutation(ApplyScoringRulesDocument, {
    refetchQueries: [AdminScoringRulesDocument],
  });
  const [previewLoading, setPreviewLoading] = useState(false);
  const input = ruleSetInput(draft);
  const fingerprint = JSON.stringify(input);
  const edit = (id: string, patch: Partial<RuleSetDraft['rules'][number]>) => {
    setDraft({
      ...draft,
      rules: draft.rules.map((rule) => (rule.id === id ? { ...rule, ...patch } : rule)),
    });
  };

  const check = () => {
    const found = ruleSetProblems(draft);
    setProblems(found);
    return found.length === 0;
  };

  const dryRun = async () => {
    if (!check()) return;
    setPreviewLoading(true);
    try {
      const answer = await client.query({
        query: PreviewScoringRulesDocument,
        variables: { input },
        fetchPolicy: 'no-cache',
      });
      if (answer.data) setPreview({ of: fingerprint, result: answer.data.previewScoringRules });
    } catch (failure) {
      setProblems([describeFailure(failure).message]);
    } finally {
      setPreviewLoading(false);
    }
  };

  const applyRules = async () => {
    if (!check()) return;
    try {
      const answer = await apply({ variables: { input } });
      if (answer.data) setPreview({ of: '', result: answer.data.applyScoringRules });
    } catch (failure) {
      setProblems([describeFailure(failure).message]);
    }
  };

  const previewCurrent = preview?.of === fingerprint;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {ruleSet.year} 年度第 {ruleSet.version} 版，{formatChinaTime(ruleSet.createdAt)} 起施行：
        {ruleSet.reason}
      </Typography.Text>
      <Table
        aria-label="评分规则"
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={draft.rules}
        columns={[
          {
            title: '说明',
            render: (_, rule) => (
              <Input
                aria-label={`规则说明 ${rule.id}`}
                value={rule.description}
                onChange={(e) => edit(rule.id, { description: e.target.value })}
              />
            ),
          },
          { title: '类别', render: (_, rule) => CATEGORY_LABELS[rule.category] ?? rule.category },
          {
            title: '事件',
            render: (_, rule) => (
              <Typography.Text code>{rule.eventType.replace(/^heli\./, '')}</Typography.Text>
            ),
          },
          {
            title: '条件（JSON）',
            render: (_, rule) => (
              <Input
                aria-label={`规则条件 ${rule.id}`}
                value={rule.condition ?? ''}
                onChange={(e) => edit(rule.id, { condition: e.target.value })}
              />
            ),
          },
          {
            title: '分值',
            render: (_, rule) => (
              <InputNumber
                aria-label={`规则分值 ${rule.id}`}
                step={0.5}
                value={rule.points}
                onChange={(points) => edit(rule.id, { points: points ?? 0 })}
              />
            ),
          },
          {
            title: '上限',
            render: (_, rule) =>
              rule.cap ? (
                <InputNumber
                  aria-label={`规则上限 ${rule.id}`}
                  min={0}
                  value={rule.cap.points}
                  addonAfter={{ MONTH: '每月', QUARTER: '每季', YEAR: '每年' }[rule.cap.period]}
                  onChange={(points) =>
                    edit(rule.id, { cap: { period: rule.cap!.period, points: points ?? 0 } })
                  }
                />
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Space wrap>
        {(['excellent', 'good', 'pass'] as const).map((grade) => (
          <Space key={grade}>
            <Typography.Text>
              {{ excellent: '优秀', good: '良好', pass: '合格' }[grade]}分数线
            </Typography.Text>
            <InputNumber
              aria-label={`${{ excellent: '优秀', good: '良好', pass: '合格' }[grade]}分数线`}
              value={draft.grading[grade]}
              onChange={(value) =>
                setDraft({ ...draft, grading: { ...draft.grading, [grade]: value ?? 0 } })
              }
            />
          </Space>
        ))}
      </Space>
      <Input.TextArea
        aria-label="修改理由"
        placeholder="修改理由（将记入版本记录）"
        rows={2}
        value={draft.reason}
        onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
      />
      {problems.length > 0 && <Alert type="error" showIcon title={problems.join('；')} />}
      <Space>
        <Button loading={previewLoading} onClick={() => void dryRun()}>
          试算（不保存）
        </Button>
        <Button
          type="primary"
          disabled={!previewCurrent}
          loading={applying.loading}
          onClick={() => void applyRules()}
        >
          应用并重算
        </Button>
        {!previewCurrent && (
          <Typography.Text type="secondary">先试算，确认各处室的分数变化后再应用</Typography.Text>
        )}
      </Space>
      {preview && (
        <Card
          size="small"
          title={
            preview.result.applied
              ? `已应用：第 ${preview.result.ruleSet.version} 版`
              : '试算结果（尚未保存）'
          }
        >
          <Typography.Paragraph type="secondary">
            重放事件 {preview.result.eventsReplayed} 条，
            {preview.result.applied ? '写入' : '将写入'}调整分录 {preview.result.adjustments} 条。
          </Typography.Paragraph>
          <Table
            aria-label="各处室分数变化"
            rowKey={(row) => row.division.id}
            size="small"
            pagination={false}
            dataSource={divisionChanges(preview.result.divisions)}
            columns={[
              { title: '处室', render: (_, row) => row.division.name },
              { title: '现得分', dataIndex: 'before' },
              { title: '新得分', dataIndex: 'after' },
              {
                title: '变化',
                render: (_, row) => (
                  <Typography.Text
                    type={row.change < 0 ? 'danger' : row.change > 0 ? 'success' : undefined}
                  >
                    {signedPoints(row.change)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
