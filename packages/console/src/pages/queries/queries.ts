/** 查询's pure logic: the view kept in the URL, a result turned into a table, and CSV. */

export interface QueriesView {
  /** Only my own queries, not those shared in the office. */
  mineOnly: boolean;
  after?: string;
}

export function queriesViewFrom(search: URLSearchParams): QueriesView {
  const view: QueriesView = { mineOnly: search.get('mine') === '1' };
  const after = search.get('after');
  if (after) view.after = after;
  return view;
}

export function queriesSearchFrom(view: QueriesView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.mineOnly) search.set('mine', '1');
  if (view.after) search.set('after', view.after);
  return search;
}

/** Why the variables text cannot be sent, or null; blank means none. */
export function variablesProblem(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? null
      : '查询变量须是 JSON 对象';
  } catch {
    return '查询变量须是 JSON 对象';
  }
}

export function parsedVariables(text: string): Record<string, unknown> {
  return text.trim() === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

export interface ResultTable {
  /** Where the rows came from, e.g. `divisions.edges.node`; empty for a single object. */
  path: string;
  columns: string[];
  rows: Record<string, string>[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A cell: scalars as text, a list of scalars joined with 、, nested lists counted. */
function cell(value: Json): string {
  if (value === null) return '';
  if (Array.isArray(value)) {
    return value.every((item) => !isObject(item) && !Array.isArray(item))
      ? value.map((item) => cell(item)).join('、')
      : `（${value.length} 项）`;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One row: nested objects become dotted columns (`division.name`); `__typename` is left out. */
function flatten(value: Json, prefix: string, row: Record<string, string>) {
  if (!isObject(value)) {
    row[prefix || '值'] = cell(value);
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key === '__typename') continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (isObject(inner)) flatten(inner, name, row);
    else row[name] = cell(inner);
  }
}

/** The first list in the result, depth first, with a connection's `edges[].node` unwrapped. */
function firstList(value: Json, path: string[]): { path: string[]; items: Json[] } | null {
  if (Array.isArray(value)) {
    const nodes = value.every((item) => isObject(item) && 'node' in item)
      ? value.map((item) => (item as { node: Json }).node)
      : null;
    return nodes ? { path: [...path, 'node'], items: nodes } : { path, items: value };
  }
  if (!isObject(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = firstList(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * A query's result as a table: the rows of its first list (a connection's nodes), or the whole
 * result as one row when it has no list. Columns keep the order fields first appear in.
 */
export function resultTable(data: unknown): ResultTable {
  const json = (data ?? null) as Json;
  const list = firstList(json, []);
  const items = list ? list.items : json === null ? [] : [json];
  const rows = items.map((item) => {
    const row: Record<string, string> = {};
    flatten(item, '', row);
    return row;
  });
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return { path: list ? list.path.join('.') : '', columns, rows };
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line per row (RFC 4180 quoting, CRLF), header first. */
export function csvLines(table: Pick<ResultTable, 'columns' | 'rows'>): string[] {
  return [
    table.columns.map(csvField).join(','),
    ...table.rows.map((row) => table.columns.map((c) => csvField(row[c] ?? '')).join(',')),
  ].map((line) => `${line}\r\n`);
}

/** A byte-order mark first, so Excel reads the UTF-8 Chinese as Chinese. */
export const CSV_BOM = '\uFEFF';

/** A file name from the query's name: characters file systems refuse become _. */
export function exportFileName(name: string, extension: 'csv' | 'xlsx'): string {
  const safe = name.trim().replace(/[\\/:*?"<>|\p{Cc}]/gu, '_') || '查询结果';
  return `${safe}.${extension}`;
}
