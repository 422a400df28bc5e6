import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Card,
  Col,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeFailure } from '../../api/errors';
import { useCapabilities } from '../../app/capabilities';
import { CursorPager } from '../../app/CursorPager';
import { ItemList } from '../../app/ItemList';
import { mayUseAssessment } from '../../app/page-access';
import { useSignedIn } from '../../auth/SessionContext';
import {
  AssessmentDivisionScoreDocument,
  AssessmentInspectionsDocument,
  AssessmentLeaderboardDocument,
  AssessmentTrendDocument,
  type AssessmentDivisionScoreQuery,
  type AssessmentInspectionsQuery,
  type ScoreCategory,
} from '../../generated/graphql';
import { formatChinaDate, formatChinaTime } from '../../lib/china-time';
import { FailurePage, ForbiddenPage } from '../errors/FailurePages';
import {
  assessmentSearchFrom,
  assessmentViewFrom,
  CATEGORIES,
  currentYear,
  ENTRY_KINDS,
  formatPoints,
  INSPECTION_KINDS,
  INSPECTION_STATUS,
  lastMonths,
  periodOptions,
  SEVERITIES,
  subjectLink,
  trendSeries,
  type AssessmentView,
} from './assessment';
import ScoreChart, { type ScoreChartOption } from './ScoreChart';

type Entry = NonNullable<
  NonNullable<NonNullable<AssessmentDivisionScoreQuery['division']>['score']>['explanation']
>['edges'][number]['node'];
type Inspection = AssessmentInspectionsQuery['inspections'][number];

/**
 * 考核: every division ranked for a period (相互竞争) and the last six months as lines; one
 * division's score with each entry's explanation and the matter, document… it came from; its
 * inspections and spot checks. Period, category, division and page live in the URL. Hidden
 * (and said so) when the supergraph has no assessment.
 */
export default function AssessmentPage() {
  const { claims } = useSignedIn();
  const capabilities = useCapabilities();
  if (!mayUseAssessment(claims)) {
    return <ForbiddenPage message="考核页面供各处室人员、考核人员、分析人员和领导使用。" />;
  }
  // Nothing is asked of assessment before the schema says it is there.
  if (!capabilities) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!capabilities.assessment)
    return <Result status="info" title="考核未启用" subTitle="当前部署未包含考核服务。" />;
  return <Assessment />;
}

function Assessment() {
  const [search, setSearch] = useSearchParams();
  const view = assessmentViewFrom(search);
  const setView = (next: AssessmentView) => setSearch(assessmentSearchFrom(next));
  const { claims } = useSignedIn();
  const period = view.period ?? currentYear();
  const category = (view.category ?? null) as ScoreCategory | null;
  const division = view.division ?? claims.divisionId ?? undefined;
  const months = useMemo(() => lastMonths(6), []);

  const board = useQuery(AssessmentLeaderboardDocument, { variables: { period, category } });
  const trend = useQuery(AssessmentTrendDocument, {
    variables: {
      m1: months[0]!,
      m2: months[1]!,
      m3: months[2]!,
      m4: months[3]!,
      m5: months[4]!,
      m6: months[5]!,
      category,
    },
  });
  const rows = board.data?.leaderboard ?? [];

  const boardChart = useMemo<ScoreChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 80, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.division.name) },
      series: [
        { type: 'bar', name: '得分', data: rows.map((row) => Math.round(row.points * 100) / 100) },
      ],
    }),
    [rows],
  );
  const lines = useMemo(() => {
    const data = trend.data;
    return trendSeries(data ? [data.m1, data.m2, data.m3, data.m4, data.m5, data.m6] : []);
  }, [trend.data]);
  const trendChart = useMemo<ScoreChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { type: 'plain', top: 0 },
      grid: { left: 48, right: 24, top: 64, bottom: 24 },
      xAxis: { type: 'category', data: months.map((month) => `${Number(month.slice(5))}月`) },
      yAxis: { type: 'value' },
      series: lines.map((line) => ({
        type: 'line',
        name: line.division,
        data: line.points.map((points) => Math.round(points * 100) / 100),
      })),
    }),
    [lines, months],
  );

  if (board.error && !board.data) return <FailurePage failure={describeFailure(board.error)} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        考核
      </Typography.Title>
      <Space wrap>
        <Select
          aria-label="考核期间"
          style={{ width: 180 }}
          value={period}
          showSearch={{ optionFilterProp: 'label' }}
          options={periodOptions()}
          onChange={(next: string) => setView({ ...view, period: next, after: undefined })}
        />
        <Select
          aria-label="考核类别"
          allowClear
          placeholder="全部类别"
          style={{ width: 160 }}
          value={view.category}
          options={Object.entries(CATEGORIES).map(([value, label]) => ({ value, label }))}
          onChange={(next?: string) => setView({ ...view, category: next, after: undefined })}
        />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="排行榜" size="small">
            <ScoreChart option={boardChart} label={`${period} 各处室得分排行`} />
            <Table
              aria-label="排行榜"
              size="small"
              rowKey={(row) => row.division.id}
              loading={board.loading && !board.data}
              pagination={false}
              dataSource={rows}
              locale={{ emptyText: '该期间暂无得分' }}
              columns={[
                { title: '名次', width: 70, dataIndex: 'rank' },
                {
                  title: '处室',
                  render: (_, row) => (
                    <Typography.Link
                      onClick={() =>
                        setView({ ...view, division: row.division.id, after: undefined })
                      }
                    >
                      {row.division.name}
                    </Typography.Link>
                  ),
                },
                {
                  title: '得分',
                  width: 100,
                  render: (_, row) => Math.round(row.points * 100) / 100,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="近六个月走势" size="small">
            {trend.error ? (
              <Alert type="error" showIcon title={describeFailure(trend.error).message} />
            ) : (
              <ScoreChart option={trendChart} label="各处室近六个月得分走势" height={420} />
            )}
          </Card>
        </Col>
      </Row>
      {division ? (
        <DivisionDetail
          divisionId={division}
          period={period}
          category={category}
          view={view}
          setView={setView}
          divisions={rows.map((row) => row.division)}
        />
      ) : (
        <Alert type="info" showIcon title="在排行榜中点击处室，查看其得分明细与检查情况" />
      )}
    </Space>
  );
}

function DivisionDetail({
  divisionId,
  period,
  category,
  view,
  setView,
  divisions,
}: {
  divisionId: string;
  period: string;
  category: ScoreCategory | null;
  view: AssessmentView;
  setView: (view: AssessmentView) => void;
  divisions: { id: string; name: string }[];
}) {
  const score = useQuery(AssessmentDivisionScoreDocument, {
    variables: { id: divisionId, period, category, after: view.after ?? null },
  });
  const inspections = useQuery(AssessmentInspectionsDocument, {
    variables: { divisionId, period },
  });
  const found = score.data?.division;
  const explanation = found?.score?.explanation;

  return (
    <>
      <Card
        size="small"
        title={`${found?.name ?? ''}得分明细`}
        extra={
          <Select
            aria-label="处室"
            style={{ width: 160 }}
            value={divisionId}
            options={divisions.map((d) => ({ value: d.id, label: d.name }))}
            onChange={(next: string) => setView({ ...view, division: next, after: undefined })}
          />
        }
      >
        {score.error && !score.data ? (
          <Alert type="error" showIcon title={describeFailure(score.error).message} />
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Space size="large" wrap>
              <Statistic title="总分" value={found?.score?.total ?? 0} precision={2} />
              <Statistic title="名次" value={found?.rank ?? '—'} />
              {found?.score?.byCategory.map((part) => (
                <Statistic
                  key={part.category}
                  title={CATEGORIES[part.category]}
                  value={part.points}
                  precision={2}
                />
              ))}
            </Space>
            {found?.score && !explanation ? (
              <Alert
                type="info"
                showIcon
                title="得分明细仅本处室人员、分析人员、领导和考核人员可见"
              />
            ) : (
              <>
                <Table<Entry>
                  aria-label="得分明细"
                  size="small"
                  rowKey="id"
                  loading={score.loading && !score.data}
                  pagination={false}
                  dataSource={explanation?.edges.map((edge) => edge.node) ?? []}
                  locale={{ emptyText: '该期间暂无计分记录' }}
                  columns={[
                    {
                      title: '时间',
                      width: 150,
                      render: (_, entry) => formatChinaTime(entry.sourceEvent.time),
                    },
                    { title: '类别', width: 90, render: (_, entry) => CATEGORIES[entry.category] },
                    {
                      title: '分值',
                      width: 80,
                      render: (_, entry) => (
                        <Typography.Text type={entry.points < 0 ? 'danger' : undefined}>
                          {formatPoints(entry.points)}
                        </Typography.Text>
                      ),
                    },
                    {
                      title: '说明',
                      render: (_, entry) => (
                        <Space orientation="vertical" size={0}>
                          <span>
                            <Tag>{ENTRY_KINDS[entry.kind]}</Tag>
                            {entry.rule.description ?? entry.rule.id}
                          </span>
                          {entry.sourceEvent.summary && (
                            <Typography.Text type="secondary">
                              {entry.sourceEvent.summary}
                            </Typography.Text>
                          )}
                          {entry.reason && (
                            <Typography.Text type="secondary">理由：{entry.reason}</Typography.Text>
                          )}
                          {entry.uncappedPoints != null &&
                            entry.uncappedPoints !== entry.points && (
                              <Typography.Text type="secondary">
                                封顶前 {formatPoints(entry.uncappedPoints)}
                              </Typography.Text>
                            )}
                        </Space>
                      ),
                    },
                    {
                      title: '来源',
                      width: 220,
                      render: (_, entry) => {
                        const source = subjectLink(entry.subject);
                        if (!source) return '—';
                        return (
                          <Space orientation="vertical" size={0}>
                            <Typography.Text type="secondary">{source.kind}</Typography.Text>
                            {source.to ? <Link to={source.to}>{source.label}</Link> : source.label}
                          </Space>
                        );
                      },
                    },
                  ]}
                />
                <Space>
                  <Typography.Text type="secondary">
                    共 {explanation?.totalCount ?? 0} 条
                  </Typography.Text>
                  <CursorPager
                    after={view.after}
                    pageInfo={explanation?.pageInfo}
                    onPage={(after) => setView({ ...view, after })}
                  />
                </Space>
              </>
            )}
          </Space>
        )}
      </Card>
      <Card size="small" title="检查与抽查">
        {inspections.error ? (
          <Alert type="info" showIcon title={describeFailure(inspections.error).message} />
        ) : (
          <Table<Inspection>
            aria-label="检查与抽查"
            size="small"
            rowKey="id"
            loading={inspections.loading}
            pagination={false}
            dataSource={inspections.data?.inspections ?? []}
            locale={{ emptyText: '该期间暂无检查' }}
            expandable={{
              rowExpandable: (inspection) => inspection.findings.length > 0,
              expandedRowRender: (inspection) => (
                <ItemList
                  aria-label={`${inspection.title}的发现`}
                  size="small"
                  dataSource={inspection.findings}
                  renderItem={(finding) => (
                    <ItemList.Item>
                      <Tag color={SEVERITIES[finding.severity]?.color}>
                        {SEVERITIES[finding.severity]?.label}
                      </Tag>
                      {finding.note}
                      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                        {formatChinaTime(finding.recordedAt)}
                      </Typography.Text>
                    </ItemList.Item>
                  )}
                />
              ),
            }}
            columns={[
              { title: '类型', width: 110, render: (_, i) => INSPECTION_KINDS[i.kind] },
              { title: '名称', dataIndex: 'title' },
              { title: '期间', width: 90, dataIndex: 'period' },
              {
                title: '状态',
                width: 90,
                render: (_, i) => (
                  <Tag color={i.status === 'COMPLETED' ? 'green' : 'blue'}>
                    {INSPECTION_STATUS[i.status]}
                  </Tag>
                ),
              },
              {
                title: '抽样',
                width: 110,
                render: (_, i) =>
                  i.kind === 'SPOT_CHECK' ? `${i.sample.length} / ${i.populationSize} 项` : '—',
              },
              { title: '发现', width: 70, render: (_, i) => i.findings.length },
              { title: '计分', width: 80, render: (_, i) => formatPoints(i.points) },
              {
                title: '日期',
                width: 110,
                render: (_, i) => formatChinaDate(i.completedAt ?? i.scheduledFor ?? i.createdAt),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
