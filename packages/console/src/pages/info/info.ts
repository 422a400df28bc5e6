/** 信息报送's pure logic: the view kept in the URL, and labels. */

export const INFO_STATUS: Record<string, { label: string; color: string }> = {
  SUBMITTED: { label: '待处理', color: 'blue' },
  ADOPTED: { label: '已采用', color: 'green' },
  RETURNED: { label: '已退回', color: 'orange' },
};

/** The list's filter and page live in the URL, so a view can be shared as a link. */
export interface InfoView {
  status?: 'SUBMITTED' | 'ADOPTED' | 'RETURNED';
  after?: string;
}

export function infoViewFrom(search: URLSearchParams): InfoView {
  const view: InfoView = {};
  const status = search.get('status');
  if (status && status in INFO_STATUS) view.status = status as InfoView['status'];
  const after = search.get('after');
  if (after) view.after = after;
  return view;
}

export function infoSearchFrom(view: InfoView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.status) search.set('status', view.status);
  if (view.after) search.set('after', view.after);
  return search;
}

/** Only the secretariat decides (采用/退回), and only what still waits. */
export function canDecide(divisionKind: string | null | undefined, status: string): boolean {
  return divisionKind === 'SECRETARIAT' && status === 'SUBMITTED';
}

/** A return must say why (the submitter reads it); blank reasons are refused before sending. */
export function returnReasonProblem(reason: string): string | undefined {
  return reason.trim().length < 2 ? '请填写退回理由' : undefined;
}
