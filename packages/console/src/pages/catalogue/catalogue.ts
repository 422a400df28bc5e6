/** 查阅's pure logic: the view kept in the URL, the filter sent, highlighted snippets, labels. */
import type { CatalogFilter } from '../../generated/graphql';
import { CLASSIFICATION_LABELS } from '../workbench/workbench';

export const LINK_KINDS: Record<string, string> = {
  DOCUMENT: '公文',
  ACHIEVEMENT: '成果',
  EXTERNAL: '外部资料',
};

export const USE_KINDS: Record<string, string> = {
  REFERENCED: '借鉴',
  APPLIED: '应用',
  TRANSFORMED: '转化',
};

const CLASSIFICATION_ORDER = Object.keys(CLASSIFICATION_LABELS);

/** The classifications a filter may offer: the viewer's clearance and below (the rest find nothing). */
export function classificationsUpTo(clearance: string): { value: string; label: string }[] {
  const top = CLASSIFICATION_ORDER.indexOf(clearance);
  return CLASSIFICATION_ORDER.slice(0, Math.max(top, 0) + 1).map((value) => ({
    value,
    label: CLASSIFICATION_LABELS[value]!,
  }));
}

/** Search text, filters, page and the opened entry live in the URL, so a view can be shared. */
export interface CatalogueView {
  q?: string;
  kind?: string;
  division?: string;
  classification?: string;
  /** China dates, `2026-05-01`, both ends included. */
  from?: string;
  to?: string;
  after?: string;
  entry?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function catalogueViewFrom(search: URLSearchParams): CatalogueView {
  const view: CatalogueView = {};
  const q = search.get('q')?.trim();
  if (q) view.q = q;
  const kind = search.get('kind');
  if (kind && kind in LINK_KINDS) view.kind = kind;
  const division = search.get('division');
  if (division) view.division = division;
  const classification = search.get('classification');
  if (classification && classification in CLASSIFICATION_LABELS)
    view.classification = classification;
  const from = search.get('from');
  if (from && DATE.test(from)) view.from = from;
  const to = search.get('to');
  if (to && DATE.test(to)) view.to = to;
  for (const key of ['after', 'entry'] as const) {
    const value = search.get(key);
    if (value) view[key] = value;
  }
  return view;
}

export function catalogueSearchFrom(view: CatalogueView): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of [
    'q',
    'kind',
    'division',
    'classification',
    'from',
    'to',
    'after',
    'entry',
  ] as const) {
    const value = view[key];
    if (value) search.set(key, value);
  }
  return search;
}

/** The day after a China date, as a China date (the end of an inclusive range is exclusive on the wire). */
function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The filter the server is asked for; dates are whole China days (UTC+8, no daylight saving). */
export function catalogFilterFrom(view: CatalogueView): CatalogFilter | null {
  const filter: CatalogFilter = {};
  if (view.kind) filter.linkKind = view.kind as CatalogFilter['linkKind'];
  if (view.division) filter.sourceDivisionId = view.division;
  if (view.classification)
    filter.classification = view.classification as CatalogFilter['classification'];
  if (view.from) filter.publishedFrom = `${view.from}T00:00:00+08:00`;
  if (view.to) filter.publishedBefore = `${nextDay(view.to)}T00:00:00+08:00`;
  return Object.keys(filter).length > 0 ? filter : null;
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

/**
 * Splits a snippet into the words the query was segmented into and the text between, so the
 * words can be marked. Longer terms win over their parts (资源共享 over 资源), and a match never
 * overlaps another.
 */
export function highlightSnippet(snippet: string, terms: readonly string[]): SnippetPart[] {
  const words = [...new Set(terms.filter((term) => term.trim().length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  const parts: SnippetPart[] = [];
  let plain = '';
  let at = 0;
  const lower = snippet.toLowerCase();
  while (at < snippet.length) {
    const word = words.find((term) => lower.startsWith(term.toLowerCase(), at));
    if (word) {
      if (plain) parts.push({ text: plain, hit: false });
      plain = '';
      parts.push({ text: snippet.slice(at, at + word.length), hit: true });
      at += word.length;
    } else {
      plain += snippet[at];
      at += 1;
    }
  }
  if (plain) parts.push({ text: plain, hit: false });
  return parts;
}

/** A use of an achievement must say what it was for (the providing division reads it). */
export function usePurposeProblem(purpose: string): string | undefined {
  return purpose.trim().length < 2 ? '请填写用途' : undefined;
}
