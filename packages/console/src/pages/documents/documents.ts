/** Labels and small rules of the 公文与阅知 pages. */

export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  CENTRAL: '中央文件',
  PROVINCIAL: '省级文件',
  MUNICIPAL: '市级文件',
  DIVISION_PUBLICATION: '处室刊物',
  INFORMATION_BULLETIN: '信息简报',
  INFORMATION_DIGEST: '信息汇编',
  FEATURED_ISSUE: '精品交流',
  MEETING_MINUTES: '会议纪要',
  INTER_OFFICE: '来文',
};

/** Kinds a person registers by hand here (incoming ones need 文号, issuer and date too). */
export const REGISTRABLE_KINDS = ['DIVISION_PUBLICATION', 'INFORMATION_BULLETIN', 'MUNICIPAL'];

export const READING_STATUS: Record<string, { label: string; color: string }> = {
  UNREAD: { label: '未阅', color: 'blue' },
  READ: { label: '已阅', color: 'green' },
  OVERDUE: { label: '逾期未阅', color: 'red' },
};

/** The tabs of the page and the reading filter, as kept in the URL so a view can be shared. */
export const DOCUMENT_TABS = ['inbox', 'documents'] as const;
export type DocumentTab = (typeof DOCUMENT_TABS)[number];

export function tabFrom(search: URLSearchParams): DocumentTab {
  const tab = search.get('tab');
  return DOCUMENT_TABS.find((known) => known === tab) ?? 'inbox';
}

/** A recipient as the read-receipt table names it: a person, or a division as a whole. */
export function recipientName(request: {
  recipientStaff?: { name: string } | null;
  recipientDivision?: { name: string } | null;
}): string {
  return request.recipientStaff?.name ?? request.recipientDivision?.name ?? '（不可见）';
}

/** Unread first (overdue before merely unread), then by name: who still has to read comes first. */
export function receiptOrder<T extends { status: string; name: string }>(rows: T[]): T[] {
  const rank: Record<string, number> = { OVERDUE: 0, UNREAD: 1, READ: 2 };
  return [...rows].sort(
    (a, b) => (rank[a.status] ?? 3) - (rank[b.status] ?? 3) || a.name.localeCompare(b.name, 'zh'),
  );
}

type Leader = { id: string; name: string; title: string };

/**
 * The leaders a document may be sent to, grouped as the picker shows them: 市委领导, then 厅领导;
 * someone holding both roles is offered once, among the committee's.
 */
export function leaderOptions(committee: readonly Leader[], office: readonly Leader[]) {
  const named = (leader: Leader) => ({
    value: leader.id,
    label: leader.title ? `${leader.name}（${leader.title}）` : leader.name,
  });
  const seen = new Set(committee.map((leader) => leader.id));
  return [
    { label: '市委领导', options: committee.map(named) },
    { label: '厅领导', options: office.filter((leader) => !seen.has(leader.id)).map(named) },
  ].filter((group) => group.options.length > 0);
}

/** A distribution names at least one leader or division. */
export function distributionRecipientsProblem(values: {
  staffIds?: readonly string[];
  divisionIds?: readonly string[];
}): string | null {
  return (values.staffIds?.length ?? 0) + (values.divisionIds?.length ?? 0) > 0
    ? null
    : '请至少选择一位领导或一个处室';
}
