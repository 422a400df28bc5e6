import type { EscalationLevel } from '../assignments/assignment.model.js';
import { formatChinaTime } from '../clock/china-time.js';
import { ESCALATION_LABELS } from './escalation.rules.js';

/** The texts of automatic reminders, as the division reads them. */
export const reminderMessages = {
  deadlineApproaching: (title: string, deadline: Date) =>
    `【催办】“${title}”将于${formatChinaTime(deadline)}到期，请抓紧办理并按时报送结果。`,
  reportDue: (title: string, dueAt: Date) =>
    `【催办】“${title}”的进展汇报应于${formatChinaTime(dueAt)}前报送，请及时汇报。`,
  escalation: (title: string, deadline: Date, level: EscalationLevel) =>
    `【${ESCALATION_LABELS[level]}】“${title}”已超过办理时限（${formatChinaTime(deadline)}），请立即办理并说明情况。`,
};
