import { describe, expect, it } from 'vitest';
import type { SavedQueryRecord } from './saved-query.model.js';
import {
  canSee,
  documentProblem,
  editingRefusal,
  normalVariables,
  savedQueryProblems,
  savingRefusal,
  variablesProblem,
} from './saved-queries.rules.js';

const analyst = {
  sub: 'staff-analyst',
  officeId: 'office-1',
  roles: ['STAFF', 'ANALYST'] as const,
};
const colleague = { sub: 'staff-2', officeId: 'office-1', roles: ['STAFF'] as const };
const outsider = { sub: 'staff-9', officeId: 'office-2', roles: ['ANALYST'] as const };

const query = (shared: boolean): SavedQueryRecord => ({
  _id: 'sq-1',
  officeId: 'office-1',
  ownerStaffId: analyst.sub,
  ownerName: '彭宇航',
  name: '各处室得分',
  description: '',
  document: '{ divisions { id name } }',
  variables: '{}',
  shared,
  createdAt: new Date(),
  updatedAt: new Date(),
});

describe('who may keep, see and change a saved query', () => {
  it('lets analysts save and refuses others in Chinese', () => {
    expect(savingRefusal({ ...analyst, roles: [...analyst.roles] })).toBeNull();
    expect(savingRefusal({ ...colleague, roles: [...colleague.roles] })).toBe(
      '只有分析人员可以保存查询',
    );
  });

  it('shows a shared query to the owner’s office only, an unshared one to its owner only', () => {
    const viewers = [analyst, colleague, outsider].map((v) => ({ ...v, roles: [...v.roles] }));
    expect(viewers.map((v) => canSee(v, query(true)))).toEqual([true, true, false]);
    expect(viewers.map((v) => canSee(v, query(false)))).toEqual([true, false, false]);
  });

  it('lets only the owner change a query, even a shared one', () => {
    expect(editingRefusal({ ...analyst, roles: [] }, query(true))).toBeNull();
    expect(editingRefusal({ ...colleague, roles: [] }, query(true))).toBe(
      '只有查询的创建人可以修改或删除它',
    );
  });
});

describe('what a saved query may hold', () => {
  it('accepts one query operation with fragments', () => {
    expect(
      documentProblem('query Q { divisions { ...D } } fragment D on Division { id }'),
    ).toBeNull();
  });

  it('refuses mutations, several operations, bad syntax and oversized documents', () => {
    expect(
      documentProblem('mutation { markAllNotificationsRead { unreadNotificationCount } }'),
    ).toBe('只能保存查询（query），不能保存变更或订阅');
    expect(documentProblem('query A { a } query B { b }')).toBe('查询语句须恰好包含一个操作');
    expect(documentProblem('{ divisions { ')).toMatch(/^查询语句有语法错误/);
    expect(documentProblem(`{ a${' '.repeat(20_000)} }`)).toBe('查询语句不能超过 20000 个字符');
    expect(documentProblem('  ')).toBe('查询语句不能为空');
  });

  it('takes variables as a JSON object, blank as {}', () => {
    expect(normalVariables('  ')).toBe('{}');
    expect(normalVariables(null)).toBe('{}');
    expect(variablesProblem('{"year": 2026}')).toBeNull();
    expect(variablesProblem('[1]')).toBe('查询变量须是 JSON 对象');
    expect(variablesProblem('{year}')).toBe('查询变量须是 JSON 对象');
  });

  it('names every problem at once', () => {
    const problems = savedQueryProblems({
      name: '　',
      description: '说'.repeat(501),
      document: 'subscription { x }',
      variables: 'null',
      shared: false,
    }).filter(Boolean);
    expect(problems).toEqual([
      '查询名称不能为空',
      '说明不能超过 500 个字',
      '只能保存查询（query），不能保存变更或订阅',
      '查询变量须是 JSON 对象',
    ]);
  });
});
