import { describe, expect, it } from 'vitest';
import {
  csvLines,
  exportFileName,
  queriesSearchFrom,
  queriesViewFrom,
  resultTable,
  variablesProblem,
} from './queries';

describe('the 查询 page’s view in the URL', () => {
  it('keeps “only mine” and the page, and drops what is unset', () => {
    const view = queriesViewFrom(new URLSearchParams('mine=1&after=c2'));
    expect(view).toEqual({ mineOnly: true, after: 'c2' });
    expect(queriesSearchFrom(view).toString()).toBe('mine=1&after=c2');
    expect(queriesSearchFrom({ mineOnly: false }).toString()).toBe('');
  });
});

describe('a result as a table', () => {
  it('takes the nodes of the first connection, nested objects as dotted columns, without __typename', () => {
    const table = resultTable({
      divisions: {
        __typename: 'DivisionConnection',
        totalCount: 2,
        edges: [
          { node: { __typename: 'Division', id: 'd1', name: '综合一处', head: { name: '张伟' } } },
          { node: { __typename: 'Division', id: 'd2', name: '秘书处', head: null } },
        ],
      },
    });
    expect(table.path).toBe('divisions.edges.node');
    expect(table.columns).toEqual(['id', 'name', 'head.name', 'head']);
    expect(table.rows).toEqual([
      { id: 'd1', name: '综合一处', 'head.name': '张伟' },
      { id: 'd2', name: '秘书处', head: '' },
    ]);
  });

  it('joins lists of scalars and counts lists of objects', () => {
    const table = resultTable({
      staffMembers: [{ name: '李华', roles: ['STAFF', 'ANALYST'], duties: [{ id: 1 }, { id: 2 }] }],
    });
    expect(table.rows).toEqual([{ name: '李华', roles: 'STAFF、ANALYST', duties: '（2 项）' }]);
  });

  it('shows a result without a list as one row, and nothing as no rows', () => {
    expect(resultTable({ me: { name: '王芳', office: { name: '市委办公厅' } } }).rows).toEqual([
      { 'me.name': '王芳', 'me.office.name': '市委办公厅' },
    ]);
    expect(resultTable(null)).toEqual({ path: '', columns: [], rows: [] });
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, one CRLF line per row, header first', () => {
    const lines = csvLines({
      columns: ['名称', '说明'],
      rows: [{ 名称: '综合一处', 说明: '负责"综合",协调\n工作' }, { 名称: '秘书处' }],
    });
    expect(lines).toEqual([
      '名称,说明\r\n',
      '综合一处,"负责""综合"",协调\n工作"\r\n',
      '秘书处,\r\n',
    ]);
  });

  it('names the file after the query, without characters file systems refuse', () => {
    expect(exportFileName('各处室/得分:2026', 'csv')).toBe('各处室_得分_2026.csv');
    expect(exportFileName('  ', 'xlsx')).toBe('查询结果.xlsx');
  });

  it('takes variables as a JSON object or nothing', () => {
    expect(variablesProblem('')).toBeNull();
    expect(variablesProblem('{"year":2026}')).toBeNull();
    expect(variablesProblem('2026')).toBe('查询变量须是 JSON 对象');
  });
});
