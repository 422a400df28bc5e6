import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeFailure } from '../../api/errors';
import { CursorPager } from '../../app/CursorPager';
import { ItemList } from '../../app/ItemList';
import { useCapabilities } from '../../app/capabilities';
import { useSignedIn } from '../../auth/SessionContext';
import {
  CatalogueAchievementDocument,
  CatalogueDivisionsDocument,
  CatalogueEntryDocument,
  CatalogueLatestDocument,
  CatalogueSearchDocument,
  CiteCatalogueEntryDocument,
  ClaimCatalogueAchievementUseDocument,
  OpenCatalogueEntryDocument,
  type CatalogueRowFragment,
  type UseKind,
} from '../../generated/graphql';
import { formatChinaDate, formatChinaTime } from '../../lib/china-time';
import { FailurePage } from '../errors/FailurePages';
import { CLASSIFICATION_LABELS } from '../workbench/workbench';
import {
  catalogFilterFrom,
  catalogueSearchFrom,
  catalogueViewFrom,
  classificationsUpTo,
  highlightSnippet,
  LINK_KINDS,
  usePurposeProblem,
  USE_KINDS,
  type CatalogueView,
} from './catalogue';

interface Row {
  entry: CatalogueRowFragment;
  snippet?: string;
}

/** The snippet with the query's words marked. */
function Snippet({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="snippet">
      {highlightSnippet(text, terms).map((part, index) =>
        part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </Typography.Paragraph>
  );
}

/**
 * 查阅: the catalogue of the divisions' work outputs. With search text, Chinese full-text search
 * (best first, the matching words marked in the snippet); without, the newest entries. Filters,
 * page and the opened entry live in the URL. An entry is cited (借鉴引用) from its drawer; one that
 * describes an achievement can also record its use there when the supergraph has achievement.
 */
export default function CataloguePage() {
  const [search, setSearch] = useSearchParams();
  const view = catalogueViewFrom(search);
  const setView = (next: CatalogueView) => setSearch(catalogueSearchFrom(next));
  /** A new search or filter starts at the first page, with no entry open. */
  const narrow = (change: Partial<CatalogueView>) =>
    setView({ ...view, ...change, after: undefined, entry: undefined });
  const { claims } = useSignedIn();
  const filter = catalogFilterFrom(view);
  const searching = Boolean(view.q);
  const found = useQuery(CatalogueSearchDocument, {
    variables: { query: view.q ?? '', filter, after: view.after ?? null },
    skip: !searching,
  });
  const latest = useQuery(CatalogueLatestDocument, {
    variables: { filter, after: view.after ?? null },
    skip: searching,
  });
  const divisions = useQuery(CatalogueDivisionsDocument);
  const [open] = useMutation(OpenCatalogueEntryDocument);
  const [text, setText] = useState(view.q ?? '');

  const current = searching ? found : latest;
  if (current.error && !current.data)
    return <FailurePage failure={describeFailure(current.error)} />;
  const terms = found.data?.searchCatalog.terms ?? [];
  const rows: Row[] = searching
    ? (found.data?.searchCatalog.hits.map((hit) => ({ entry: hit.entry, snippet: hit.snippet })) ??
      [])
    : (latest.data?.catalogEntries.edges.map((edge) => ({ entry: edge.node })) ?? []);
  const page = searching ? found.data?.searchCatalog : latest.data?.catalogEntries;

  const openEntry = (id: string) => {
    // Opening is recorded (查阅 counts for the source division); the drawer reads the entry itself.
    void open({ variables: { id } }).catch(() => undefined);
    setView({ ...view, entry: id });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        查阅
      </Typography.Title>
      <Input.Search
        aria-label="检索查阅条目"
        placeholder="输入关键词检索，如：资源共享"
        enterButton="检索"
        allowClear
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => narrow({ q: value.trim() || undefined })}
        style={{ maxWidth: 560 }}
      />
      <Space wrap>
        <Select
          aria-label="类型"
          allowClear
          placeholder="全部类型"
          style={{ width: 140 }}
          value={view.kind}
          options={Object.entries(LINK_KINDS).map(([value, label]) => ({ value, label }))}
          onChange={(kind?: string) => narrow({ kind })}
        />
        <Select
          aria-label="来源处室"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部处室"
          style={{ width: 180 }}
          value={view.division}
          loading={divisions.loading}
          options={divisions.data?.divisions.edges.map(({ node }) => ({
            value: node.id,
            label: node.name,
          }))}
          onChange={(division?: string) => narrow({ division })}
        />
        <Select
          aria-label="密级"
          allowClear
          placeholder="全部密级"
          style={{ width: 140 }}
          value={view.classification}
          options={classificationsUpTo(claims.clearance)}
          onChange={(classification?: string) => narrow({ classification })}
        />
        <DatePicker.RangePicker
          aria-label="发布日期"
          allowEmpty={[true, true]}
          value={[view.from ? dayjs(view.from) : null, view.to ? dayjs(view.to) : null]}
          onChange={(_, [from, to]) => narrow({ from: from || undefined, to: to || undefined })}
        />
        <Typography.Text type="secondary" data-testid="catalogue-count">
          {searching ? `找到 ${page?.totalCount ?? 0} 条` : `共 ${page?.totalCount ?? 0} 条`}
        </Typography.Text>
      </Space>
      {current.error && (
        <Alert type="error" showIcon title={describeFailure(current.error).message} />
      )}
      <Table<Row>
        aria-label="查阅条目"
        rowKey={(row) => row.entry.id}
        loading={current.loading && !current.data}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: searching ? '没有找到相关条目' : '暂无条目' }}
        columns={[
          {
            title: '条目',
            render: (_, { entry, snippet }) => (
              <Space orientation="vertical" size={2}>
                <Typography.Link onClick={() => openEntry(entry.id)}>{entry.title}</Typography.Link>
                <Snippet text={snippet ?? entry.summary} terms={terms} />
              </Space>
            ),
          },
          {
            title: '类型',
            width: 100,
            render: (_, { entry }) => (entry.link ? LINK_KINDS[entry.link.kind] : '—'),
          },
          { title: '来源处室', width: 120, render: (_, { entry }) => entry.sourceDivision.name },
          {
            title: '密级',
            width: 80,
            render: (_, { entry }) => <Tag>{CLASSIFICATION_LABELS[entry.classification]}</Tag>,
          },
          {
            title: '发布日期',
            width: 120,
            render: (_, { entry }) => formatChinaDate(entry.publishedAt),
          },
          {
            title: '查阅 / 引用',
            width: 110,
            render: (_, { entry }) => `${entry.openCount} / ${entry.citationCount}`,
          },
        ]}
      />
      <CursorPager
        after={view.after}
        pageInfo={page?.pageInfo}
        onPage={(after) => setView({ ...view, after })}
      />
      <Drawer
        title="查阅条目"
        size="large"
        open={Boolean(view.entry)}
        onClose={() => setView({ ...view, entry: undefined })}
        destroyOnHidden
      >
        {view.entry && <EntryDetail id={view.entry} />}
      </Drawer>
    </Space>
  );
}

/** One entry: what it is, where it points, 引用; and an achievement's uses when achievement is there. */
function EntryDetail({ id }: { id: string }) {
  const { data, error, loading, refetch } = useQuery(CatalogueEntryDocument, { variables: { id } });
  const capabilities = useCapabilities();
  const { claims } = useSignedIn();
  const [cite, citing] = useMutation(CiteCatalogueEntryDocument);
  const [citeOpen, setCiteOpen] = useState(false);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();

  if (error && !data) return <FailurePage failure={describeFailure(error)} />;
  if (loading && !data) return null;
  const entry = data?.catalogEntry;
  if (!entry)
    return <FailurePage failure={{ kind: 'NOT_FOUND', message: '该条目不存在，或您无权查看。' }} />;
  const ownDivision = entry.sourceDivision.id === claims.divisionId;
  const achievementId =
    capabilities?.achievement && entry.link?.kind === 'ACHIEVEMENT'
      ? entry.link.targetId
      : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {entry.title}
      </Typography.Title>
      {problem && (
        <Alert
          type="error"
          showIcon
          closable
          title={problem}
          onClose={() => setProblem(undefined)}
        />
      )}
      {done && <Alert type="success" showIcon title={done} />}
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="摘要">{entry.summary}</Descriptions.Item>
        <Descriptions.Item label="关键词">
          {entry.keywords.map((keyword) => (
            <Tag key={keyword}>{keyword}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label="来源处室">{entry.sourceDivision.name}</Descriptions.Item>
        <Descriptions.Item label="密级">
          {CLASSIFICATION_LABELS[entry.classification]}
        </Descriptions.Item>
        <Descriptions.Item label="发布">
          {entry.publishedBy.name}，{formatChinaTime(entry.publishedAt)}
        </Descriptions.Item>
        <Descriptions.Item label="查阅 / 引用">
          {entry.openCount} 次 / {entry.citationCount} 次
        </Descriptions.Item>
        {entry.link && (
          <Descriptions.Item label="指向">
            {entry.link.kind === 'DOCUMENT' ? (
              <Link to={`/documents/${entry.link.targetId}`}>查看公文</Link>
            ) : (
              `${LINK_KINDS[entry.link.kind]}：${entry.link.targetId}`
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
      {!ownDivision && (
        <Button type="primary" onClick={() => setCiteOpen(true)}>
          借鉴引用
        </Button>
      )}
      {achievementId && <AchievementUses id={achievementId} ownDivision={ownDivision} />}
      <Modal
        title={`引用“${entry.title}”`}
        open={citeOpen}
        okText="引用"
        confirmLoading={citing.loading}
        onCancel={() => setCiteOpen(false)}
        onOk={() => {
          setProblem(undefined);
          cite({ variables: { input: { entryId: entry.id, note: note.trim() || null } } })
            .then(async () => {
              setCiteOpen(false);
              setDone('已记录引用');
              await refetch();
            })
            .catch((failure: unknown) => {
              setCiteOpen(false);
              setProblem(describeFailure(failure).message);
            });
        }}
      >
        <Input.TextArea
          aria-label="引用说明"
          placeholder="如何借鉴（选填）"
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </Modal>
    </Space>
  );
}

/** An achievement's uses by other divisions, and recording one (成果共用). */
function AchievementUses({ id, ownDivision }: { id: string; ownDivision: boolean }) {
  const { data, refetch } = useQuery(CatalogueAchievementDocument, { variables: { id } });
  const [claim, claiming] = useMutation(ClaimCatalogueAchievementUseDocument);
  const [form] = Form.useForm<{ kind: UseKind; purpose: string }>();
  const [problem, setProblem] = useState<string>();
  const achievement = data?.achievement;
  if (!achievement) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        成果应用（{achievement.leadDivision.name}）
      </Typography.Title>
      <ItemList
        aria-label="成果应用"
        size="small"
        empty={<Typography.Text type="secondary">尚无其他处室登记应用</Typography.Text>}
        dataSource={achievement.uses}
        renderItem={(use) => (
          <ItemList.Item>
            {use.userDivision.name} {USE_KINDS[use.kind]}：{use.purpose}（
            {use.status === 'CONFIRMED'
              ? '已确认'
              : use.status === 'DISPUTED'
                ? '有异议'
                : '待确认'}
            ）
          </ItemList.Item>
        )}
      />
      {!ownDivision && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ kind: 'REFERENCED' }}
          onFinish={({ kind, purpose }) => {
            const refused = usePurposeProblem(purpose ?? '');
            if (refused) return setProblem(refused);
            setProblem(undefined);
            claim({ variables: { input: { achievementId: id, kind, purpose: purpose.trim() } } })
              .then(async () => {
                form.resetFields();
                await refetch();
              })
              .catch((failure: unknown) => setProblem(describeFailure(failure).message));
          }}
        >
          <Form.Item name="kind" label="方式">
            <Select
              style={{ width: 100 }}
              options={Object.entries(USE_KINDS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="purpose" label="用途">
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Button htmlType="submit" loading={claiming.loading}>
            登记应用
          </Button>
        </Form>
      )}
      {problem && <Alert type="error" showIcon title={problem} />}
    </Space>
  );
}
