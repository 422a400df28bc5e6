import type { AssignmentFilter, MatterDetailFragment } from '../../generated/graphql';
import { ESCALATION, STATUS_LABELS } from '../workbench/workbench';

/** The board's filters live in the URL, so a view can be shared as a link. */
export interface BoardView {
  division?: string;
  status?: string;
  escalation?: string;
  overdue?: boolean;
  after?: string;
}

const STATUSES = Object.keys(STATUS_LABELS);
const LEVELS = Object.keys(ESCALATION);

/** Reads the view from a query string; anything not recognised is left out rather than sent. */
export function boardViewFrom(search: URLSearchParams): BoardView {
  const view: BoardView = {};
  const division = search.get('division');
  if (division) view.division = division;
  const status = search.get('status');
  if (status && STATUSES.includes(status)) view.status = status;
  const escalation = search.get('escalation');
  if (escalation && LEVELS.includes(escalation)) view.escalation = escalation;
  if (search.get('overdue') === '1') view.overdue = true;
  const after = search.get('after');
  if (after) view.after = after;
  return view;
}

export function searchFrom(view: BoardView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.division) search.set('division', view.division);
  if (view.status) search.set('status', view.status);
  if (view.escalation) search.set('escalation', view.escalation);
  if (view.overdue) search.set('overdue', '1');
  if (view.after) search.set('after', view.after);
  return search;
}

export function filterFrom(view: BoardView): AssignmentFilter {
  return {
    topLevel: true,
    ...(view.division && { leadDivisionId: view.division }),
    ...(view.status && {
      status: [view.status as NonNullable<AssignmentFilter['status']>[number]],
    }),
    ...(view.escalation && {
      escalationLevel: [
        view.escalation as NonNullable<AssignmentFilter['escalationLevel']>[number],
      ],
    }),
    ...(view.overdue && { overdue: true }),
  };
}

const ACTION_LABELS: Record<string, string> = {
  ASSIGN: '交办',
  ACCEPT: '签收',
  REPORT_PROGRESS: '汇报进展',
  SUBMIT_RESULT: '报送办理结果',
  COMPLETE: '办结',
  RETURN: '退回重办',
  CANCEL: '撤销',
};

const REMINDER_LABELS: Record<string, string> = {
  DEADLINE_APPROACHING: '自动催办（临近时限）',
  REPORT_DUE: '自动催办（应报进展）',
  ESCALATION: '超期督办',
  MANUAL: '人工催办',
};

export interface TimelineEntry {
  key: string;
  at: string;
  kind: 'step' | 'report' | 'reminder' | 'difficulty';
  title: string;
  detail?: string;
  who?: string;
}

/**
 * A matter's whole story, oldest first: its lifecycle steps, progress reports, reminders and
 * escalations, and difficulties raised and resolved. Progress reports also appear as lifecycle
 * steps; the step keeps the place, the report's text and percent are told there.
 */
export function matterTimeline(matter: MatterDetailFragment): TimelineEntry[] {
  const reports = matter.progressReports.edges.map((edge) => edge.node);
  const entries: TimelineEntry[] = [];
  matter.history.forEach((step, index) => {
    if (step.action === 'REPORT_PROGRESS') return;
    entries.push({
      key: `step-${index}`,
      at: step.at,
      kind: 'step',
      title: ACTION_LABELS[step.action] ?? step.action,
      ...(step.note && { detail: step.note }),
      ...(step.by && { who: step.by.name }),
    });
  });
  for (const report of reports) {
    entries.push({
      key: `report-${report.id}`,
      at: report.reportedAt,
      kind: 'report',
      title: `汇报进展 ${report.percent}%`,
      detail: report.text,
      ...(report.reportedBy && { who: report.reportedBy.name }),
    });
  }
  for (const reminder of matter.reminders) {
    entries.push({
      key: `reminder-${reminder.id}`,
      at: reminder.sentAt,
      kind: 'reminder',
      title: REMINDER_LABELS[reminder.kind] ?? reminder.kind,
      detail: reminder.message,
      ...(reminder.sentBy && { who: reminder.sentBy.name }),
    });
  }
  for (const difficulty of matter.difficulties) {
    entries.push({
      key: `difficulty-${difficulty.id}`,
      at: difficulty.raisedAt,
      kind: 'difficulty',
      title: '反映困难',
      detail: difficulty.title,
    });
    if (difficulty.resolvedAt) {
      entries.push({
        key: `difficulty-${difficulty.id}-resolved`,
        at: difficulty.resolvedAt,
        kind: 'difficulty',
        title: '困难已解决',
        detail: difficulty.title,
      });
    }
  }
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
