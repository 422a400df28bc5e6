import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Popconfirm,
  Progress,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { parse } from 'graphql';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeFailure } from '../../api/errors';
import { CursorPager } from '../../app/CursorPager';
import { mayUseQueries } from '../../app/page-access';
import { ActionProblem, useActionProblem } from '../../app/useActionProblem';
import { useSignedIn } from '../../auth/SessionContext';
import {
  DeleteSavedQueryDocument,
  MenuSavedQueriesDocument,
  SavedQueriesDocument,
  SaveQueryDocument,
  UpdateSavedQueryDocument,
  type SavedQueryFieldsFragment,
} from '../../generated/graphql';
import { formatChinaTime } from '../../lib/china-time';
import { FailurePage, ForbiddenPage } from '../errors/FailurePages';
import { csvBlob, download, xlsxBlob } from './export-table';
import {
  exportFileName,
  parsedVariables,
  queriesSearchFrom,
  queriesViewFrom,
  resultTable,
  variablesProblem,
  type QueriesView,
  type ResultTable,
} from './queries';

type Draft = {
  name: string;
  description: string;
  document: string;
  variables: string;
  shared: boolean;
};

const EMPTY: Draft = {
  name: '',
  description: '',
  document: 'query {\n  divisions(first: 20) {\n    edges { node { id name kind } }\n  }\n}',
  variables: '',
  shared: false,
};

/**
 * 查询: the analysts' saved GraphQL queries (the IDE at /ide stays for ad-hoc work). A query runs
 * through the gateway with the viewer's own token, so it shows what the viewer may see, within
 * the gateway's limits; its result is a table exported as CSV or XLSX.
 */
export default function QueriesPage() {
  const { claims } = useSignedIn();
  const mayKeep = claims.roles.includes('ANALYST');
  const [search, setSearch] = useSearchParams();
  const view = queriesViewFrom(search);
  const setView = (next: QueriesView) => setSearch(queriesSearchFrom(next));
  const list = useQuery(SavedQueriesDocument, {
    variables: { mineOnly: view.mineOnly, after: view.after ?? null },
  });
  // The menu's count (app/menu-access.ts): whoever has no query to run and may keep none is refused.
  const runnable = useQuery(MenuSavedQueriesDocument, { fetchPolicy: 'cache-first' });
  const [open, setOpen] = useState<{ id: string | null; draft: Draft }>({ id: null, draft: EMPTY });

  const visible = runnable.data?.savedQueries.totalCount;
  if (visible !== undefined && !mayUseQueries(claims, visible)) {
    return <ForbiddenPage message="查询页面供分析人员使用；本单位尚无共享给您的查询。" />;
  }
  if (list.error && !list.data) return <FailurePage failure={describeFailure(list.error)} />;
  const page = list.data?.savedQueries;

  const choose = (query: SavedQueryFieldsFragment) =>
    setOpen({
      id: query.id,
      draft: {
        name: query.name,
        description: query.description,
        document: query.document,
        variables: query.variables === '{}' ? '' : query.variables,
        shared: query.shared,
      },
    });
  const chosen = page?.edges.find(({ node }) => node.id === open.id)?.node;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        查询
      </Typography.Title>
      <Typography.Text type="secondary">
        保存常用的 GraphQL
        查询，在本单位内共享、运行并导出结果。查询以您本人的身份运行，只返回您有权查看的数据。临时查询请使用
        <a href="/ide">GraphQL 调试器</a>。
      </Typography.Text>
      <Space wrap>
        <Segmented
          aria-label="范围"
          value={view.mineOnly ? 'mine' : 'all'}
          options={[
            { value: 'all', label: '我的和本单位共享的' },
            { value: 'mine', label: '只看我的' },
          ]}
          onChange={(value) => setView({ mineOnly: value === 'mine' })}
        />
        {mayKeep && <Button onClick={() => setOpen({ id: null, draft: EMPTY })}>新建查询</Button>}
        <Typography.Text type="secondary">共 {page?.totalCount ?? 0} 条</Typography.Text>
      </Space>
      <Table<SavedQueryFieldsFragment>
        aria-label="保存的查询"
        rowKey="id"
        size="small"
        loading={list.loading && !list.data}
        pagination={false}
        dataSource={page?.edges.map(({ node }) => node) ?? []}
        rowClassName={(query) => (query.id === open.id ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: '名称',
            render: (_, query) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => choose(query)}>
                {query.name}
              </Button>
            ),
          },
          { title: '说明', dataIndex: 'description' },
          { title: '创建人', dataIndex: 'ownerName' },
          {
            title: '共享',
            render: (_, query) =>
              query.shared ? <Tag color="blue">本单位共享</Tag> : <Tag>仅本人</Tag>,
          },
          { title: '更新时间', render: (_, query) => formatChinaTime(query.updatedAt) },
        ]}
      />
      <CursorPager
        after={view.after}
        pageInfo={page?.pageInfo}
        onPage={(after) => setView({ ...view, after })}
      />
      <QueryEditor
        key={open.id ?? 'new'}
        id={open.id}
        initial={open.draft}
        editable={open.id === null ? mayKeep : (chosen?.mine ?? false)}
        onSaved={(query) => {
          choose(query);
          void list.refetch();
        }}
        onDeleted={() => {
          setOpen({ id: null, draft: EMPTY });
          void list.refetch();
        }}
      />
    </Space>
  );
}

function QueryEditor({
  id,
  initial,
  editable,
  onSaved,
  onDeleted,
}: {
  id: string | null;
  initial: Draft;
  editable: boolean;
  onSaved: (query: SavedQueryFieldsFragment) => void;
  onDeleted: () => void;
}) {
  const client = useApolloClient();
  const [form] = Form.useForm<Draft>();
  const { problem, attempt, clearProblem } = useActionProblem();
  const [result, setResult] = useState<{ table: ResultTable; errors: string[] }>();
  const [running, setRunning] = useState(false);
  const [exporting, setExporting] = useState<{ kind: string; done: number }>();
  const [save, saving] = useMutation(SaveQueryDocument);
  const [update, updating] = useMutation(UpdateSavedQueryDocument);
  const [remove] = useMutation(DeleteSavedQueryDocument);

  const submit = (draft: Draft) =>
    attempt(async () => {
      const input = { ...draft, variables: draft.variables.trim() || null };
      const saved = id
        ? (await update({ variables: { id, input } })).data?.updateSavedQuery
        : (await save({ variables: { input } })).data?.saveQuery;
      if (saved) onSaved(saved);
    });

  const run = () =>
    attempt(async () => {
      const { document, variables } = form.getFieldsValue();
      const invalid = variablesProblem(variables ?? '');
      if (invalid) throw new Error(invalid);
      let query;
      try {
        query = parse(document);
      } catch (error) {
        throw new Error(`查询语句有语法错误：${(error as Error).message}`);
      }
      setRunning(true);
      try {
        // The viewer's own token and the gateway's limits, as for any query; nothing cached.
        const answer = await client.query({
          query,
          variables: parsedVariables(variables ?? ''),
          fetchPolicy: 'no-cache',
          errorPolicy: 'all',
        });
        const errors = answer.error ? [describeFailure(answer.error).message] : [];
        setResult({ table: resultTable(answer.data), errors });
      } finally {
        setRunning(false);
      }
    });

  const exportAs = (kind: 'csv' | 'xlsx') =>
    attempt(async () => {
      if (!result) return;
      const name = form.getFieldValue('name') as string;
      setExporting({ kind, done: 0 });
      try {
        const progress = (done: number) => setExporting({ kind, done });
        const blob =
          kind === 'csv'
            ? await csvBlob(result.table, progress)
            : await xlsxBlob(result.table, name || '查询结果', progress);
        download(blob, exportFileName(name, kind));
      } finally {
        setExporting(undefined);
      }
    });

  return (
    <Card title={id ? '查询详情' : '新建查询'} aria-label="查询编辑">
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(draft) => void submit(draft)}
      >
        <Form.Item
          name="name"
          label="查询名称"
          rules={[
            { required: true, message: '请填写查询名称' },
            { max: 60, message: '不能超过 60 个字' },
          ]}
        >
          <Input readOnly={!editable} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input readOnly={!editable} />
        </Form.Item>
        <Form.Item
          name="document"
          label="查询语句（GraphQL）"
          rules={[{ required: true, message: '请填写查询语句' }]}
        >
          <Input.TextArea
            rows={8}
            spellCheck={false}
            style={{ fontFamily: 'monospace' }}
            readOnly={!editable}
          />
        </Form.Item>
        <Form.Item name="variables" label="查询变量（JSON，可不填）">
          <Input.TextArea rows={2} spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        {editable && (
          <Form.Item name="shared" valuePropName="checked">
            <Checkbox>在本单位内共享</Checkbox>
          </Form.Item>
        )}
        <ActionProblem problem={problem} onClose={clearProblem} style={{ marginBottom: 16 }} />
        <Space wrap>
          <Button type="primary" loading={running} onClick={() => void run()}>
            运行
          </Button>
          {editable && (
            <Button htmlType="submit" loading={saving.loading || updating.loading}>
              保存
            </Button>
          )}
          {editable && id && (
            <Popconfirm
              title="确定删除这条查询吗？"
              okText="删除"
              cancelText="取消"
              onConfirm={() =>
                void attempt(async () => {
                  await remove({ variables: { id } });
                  onDeleted();
                })
              }
            >
              <Button danger>删除</Button>
            </Popconfirm>
          )}
          {!editable && id && (
            <Typography.Text type="secondary">他人共享的查询，只能运行</Typography.Text>
          )}
        </Space>
      </Form>
      {result && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 24 }}>
          {result.errors.map((message) => (
            <Alert key={message} type="warning" showIcon title={message} />
          ))}
          <Space wrap>
            <Typography.Text>
              结果 {result.table.rows.length} 行{result.table.path && `（${result.table.path}）`}
            </Typography.Text>
            <Button disabled={!!exporting} onClick={() => void exportAs('csv')}>
              导出 CSV
            </Button>
            <Button disabled={!!exporting} onClick={() => void exportAs('xlsx')}>
              导出 Excel
            </Button>
            {exporting && (
              <Progress
                aria-label="导出进度"
                percent={Math.round(exporting.done * 100)}
                size="small"
                style={{ width: 160 }}
              />
            )}
          </Space>
          <Table<Record<string, string>>
            aria-label="查询结果"
            size="small"
            scroll={{ x: true }}
            rowKey={(_, index) => String(index)}
            dataSource={result.table.rows}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            columns={result.table.columns.map((column) => ({
              title: column,
              dataIndex: column,
              key: column,
            }))}
          />
        </Space>
      )}
    </Card>
  );
}
