import { demoDivisions, OWN_OFFICE_ID } from '@heli/demo-data';
import {
  assignmentEvents,
  createEnvelope,
  interactionEvents,
  sharingEvents,
  type EventDefinition,
  type EventEnvelope,
} from '@heli/event-contracts';
import type { z } from 'zod';
import { seededRandom } from '../common/seeded-random.js';

/** The demo history runs from the start of the year to this day (China Standard Time). */
export const DEMO_HISTORY_YEAR = 2026;
const LAST_DAY = { month: 11, day: 20 };
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How each demo division works, so the leaderboard tells a believable story: the supervision
 * office (督查室) finishes matters on time, research (调研室) and information (信息处) are cited and
 * adopted most, the confidential office (机要处) has few shareable outputs, and so on.
 */
const PROFILES: Record<
  string,
  { diligence: number; matters: number; outputs: number; info: number }
> = {
  'div-secretariat': { diligence: 0.85, matters: 3, outputs: 1.2, info: 3 },
  'div-general-1': { diligence: 0.82, matters: 5, outputs: 1.5, info: 1 },
  'div-general-2': { diligence: 0.7, matters: 5, outputs: 1, info: 1 },
  'div-information': { diligence: 0.8, matters: 3, outputs: 2, info: 3.5 },
  'div-supervision': { diligence: 0.93, matters: 6, outputs: 1, info: 0.5 },
  'div-research': { diligence: 0.78, matters: 3, outputs: 3, info: 1.5 },
  'div-documents': { diligence: 0.75, matters: 4, outputs: 0.8, info: 0.5 },
  'div-meetings': { diligence: 0.68, matters: 4, outputs: 0.6, info: 0.3 },
  'div-confidential': { diligence: 0.88, matters: 2, outputs: 0.3, info: 0.2 },
  'div-legal': { diligence: 0.6, matters: 3, outputs: 1.2, info: 0.5 },
};

const SOURCE: Record<string, string> = {
  responsibility: 'responsibility',
  sharing: 'sharing',
  interaction: 'interaction',
};

/**
 * A year of the other subgraphs' events for the demo organisation, generated from a fixed seed:
 * the same envelopes (ids, times, data) every time, in time order, each valid against its
 * contract. Assessment scores them through the same path as live events.
 */
export function demoHistory(): EventEnvelope[] {
  const random = seededRandom(`heli-demo-assessment-${DEMO_HISTORY_YEAR}`);
  const chance = (p: number) => random() < p;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const events: Array<{ time: Date; build: (id: string) => EventEnvelope }> = [];
  let sequence = 0;
  const nextId = (prefix: string) => `demo-${prefix}-${String((sequence += 1)).padStart(5, '0')}`;

  function add<E extends EventDefinition>(
    definition: E,
    time: Date,
    subject: string,
    data: z.input<E['data']>,
  ) {
    events.push({
      time,
      build: (id) =>
        createEnvelope(definition, data, {
          id,
          time,
          subject,
          source: SOURCE[definition.context] ?? definition.context,
        }),
    });
  }

  const divisions = demoDivisions.map((division) => ({
    ...division,
    profile: PROFILES[division.id] ?? { diligence: 0.75, matters: 3, outputs: 1, info: 1 },
  }));
  const others = (id: string) => divisions.filter((division) => division.id !== id);
  const end = localDay(LAST_DAY.month, LAST_DAY.day);

  for (let month = 1; month <= LAST_DAY.month; month += 1) {
    const monthStart = localDay(month, 1);
    const at = (day: number, hour = 10) =>
      new Date(
        Math.min(monthStart.getTime() + (day - 1) * DAY_MS + (hour - 8) * 3_600_000, end.getTime()),
      );
    const featuredCandidates: Array<{
      kind: 'CATALOG_ENTRY' | 'INFO_SUBMISSION';
      itemId: string;
      sourceDivisionId: string;
    }> = [];

    for (const division of divisions) {
      const { diligence } = division.profile;
      // Assigned matters led by the division (交办事项).
      for (
        let m = 0, n = between(division.profile.matters - 1, division.profile.matters + 1);
        m < n;
        m += 1
      ) {
        const assignmentId = nextId('matter');
        const created = at(between(1, 20));
        const deadline = new Date(created.getTime() + between(7, 20) * DAY_MS);
        const ref = {
          assignmentId,
          parentAssignmentId: null,
          leadDivisionId: division.id,
          coDivisionIds: chance(0.4) ? [pick(others(division.id)).id] : [],
          classification: 'INTERNAL' as const,
          deadline: deadline.toISOString(),
        };
        const reportAt = new Date(created.getTime() + 3 * DAY_MS);
        add(assignmentEvents.assignmentProgressReported, reportAt, assignmentId, {
          ...ref,
          actorStaffId: division.headId,
          at: reportAt.toISOString(),
          progressReportId: `${assignmentId}-report-1`,
          percent: between(20, 60),
          onSchedule: chance(diligence + 0.05),
        });
        if (chance(diligence)) {
          const done = new Date(deadline.getTime() - between(1, 5) * DAY_MS);
          addCompleted(ref, done, true);
        } else if (chance(0.6)) {
          addCompleted(ref, new Date(deadline.getTime() + between(1, 4) * DAY_MS), false);
        } else {
          const detectedAt = new Date(deadline.getTime() + DAY_MS);
          add(assignmentEvents.assignmentOverdue, detectedAt, assignmentId, {
            ...ref,
            detectedAt: detectedAt.toISOString(),
          });
          if (chance(0.5))
            addCompleted(ref, new Date(deadline.getTime() + between(6, 12) * DAY_MS), false);
        }
      }
      // Documents sent for reading (阅知).
      for (let r = 0, n = between(6, 11); r < n; r += 1) {
        const readingRequestId = nextId('reading');
        const sent = at(between(1, 24));
        const dueAt = new Date(sent.getTime() + 3 * DAY_MS);
        const reading = {
          readingRequestId,
          documentId: `demo-doc-${month}-${r % 6}`,
          staffId: division.headId,
          divisionId: division.id,
          dueAt: dueAt.toISOString(),
        };
        if (chance(diligence + 0.08)) {
          const acknowledgedAt = new Date(sent.getTime() + between(1, 2) * DAY_MS);
          add(sharingEvents.readingAcknowledged, acknowledgedAt, readingRequestId, {
            ...reading,
            acknowledgedAt: acknowledgedAt.toISOString(),
            onTime: true,
          });
        } else {
          const detectedAt = new Date(dueAt.getTime() + DAY_MS / 2);
          add(sharingEvents.readingOverdue, detectedAt, readingRequestId, {
            ...reading,
            detectedAt: detectedAt.toISOString(),
          });
        }
      }
      // Outputs catalogued for others (查阅条目), and their reuse by other divisions.
      for (let e = 0, n = poissonish(division.profile.outputs); e < n; e += 1) {
        const entryId = nextId('entry');
        const publishedAt = at(between(1, 18), 15);
        add(sharingEvents.catalogEntryPublished, publishedAt, entryId, {
          entryId,
          title: `${division.name}${month}月工作成果${e + 1}`,
          sourceDivisionId: division.id,
          classification: 'INTERNAL',
          publishedAt: publishedAt.toISOString(),
        });
        featuredCandidates.push({
          kind: 'CATALOG_ENTRY',
          itemId: entryId,
          sourceDivisionId: division.id,
        });
        for (let c = 0, citations = poissonish(division.profile.outputs); c < citations; c += 1) {
          const citing = pick(others(division.id));
          const citedAt = new Date(publishedAt.getTime() + between(1, 9) * DAY_MS);
          const citationId = nextId('citation');
          add(sharingEvents.catalogEntryCited, citedAt, entryId, {
            citationId,
            entryId,
            sourceDivisionId: division.id,
            citingDivisionId: citing.id,
            citedByStaffId: citing.headId,
            citedAt: citedAt.toISOString(),
          });
        }
      }
      // Information submitted to the secretariat and adopted (信息报送 采用).
      for (let i = 0, n = poissonish(division.profile.info); i < n; i += 1) {
        const submissionId = nextId('info');
        const adoptedAt = at(between(2, 26), 16);
        add(sharingEvents.infoAdopted, adoptedAt, submissionId, {
          submissionId,
          title: `${division.name}${month}月信息${i + 1}`,
          submitterDivisionId: division.id,
          submitterOfficeId: OWN_OFFICE_ID,
          adoptedByStaffId: 'staff-secretariat-head',
          adoptedAt: adoptedAt.toISOString(),
        });
        featuredCandidates.push({
          kind: 'INFO_SUBMISSION',
          itemId: submissionId,
          sourceDivisionId: division.id,
        });
      }
    }

    // A monthly 精品交流 issue featuring three of the month's outputs.
    if (featuredCandidates.length > 0) {
      const issueId = nextId('featured');
      const publishedAt = at(27, 11);
      const items = Array.from(
        { length: Math.min(3, featuredCandidates.length) },
        () => featuredCandidates.splice(Math.floor(random() * featuredCandidates.length), 1)[0]!,
      );
      add(sharingEvents.featuredIssuePublished, publishedAt, issueId, {
        issueId,
        title: `${DEMO_HISTORY_YEAR}年第${month}期精品交流`,
        items,
        publishedAt: publishedAt.toISOString(),
      });
    }

    // Each quarter's joint research meeting (调研工作联席会议) assigns topics to lead divisions.
    if (month % 3 === 1) {
      const meetingId = nextId('meeting');
      for (let t = 0; t < 3; t += 1) {
        const lead = pick(divisions);
        const recordedAt = at(8 + t, 14);
        const decisionId = nextId('decision');
        add(interactionEvents.meetingDecisionRecorded, recordedAt, decisionId, {
          decisionId,
          meetingId,
          meetingKind: 'RESEARCH_JOINT',
          meetingTitle: `${DEMO_HISTORY_YEAR}年第${Math.ceil(month / 3)}季度调研工作联席会议`,
          text: `由${lead.name}牵头开展专题调研`,
          classification: 'INTERNAL',
          leadDivisionId: lead.id,
          coDivisionIds: [pick(others(lead.id)).id],
          deadline: new Date(recordedAt.getTime() + 60 * DAY_MS).toISOString(),
          recordedByStaffId: 'staff-research-head',
          recordedAt: recordedAt.toISOString(),
        });
      }
    }
  }

  function addCompleted(
    ref: {
      assignmentId: string;
      parentAssignmentId: null;
      leadDivisionId: string;
      coDivisionIds: string[];
      classification: 'INTERNAL';
      deadline: string;
    },
    completedAt: Date,
    onTime: boolean,
  ) {
    const done = new Date(Math.min(completedAt.getTime(), end.getTime()));
    add(assignmentEvents.assignmentCompleted, done, ref.assignmentId, {
      ...ref,
      actorStaffId: 'staff-executive-deputy',
      at: done.toISOString(),
      completedAt: done.toISOString(),
      onTime,
    });
  }

  function poissonish(mean: number): number {
    // Counts around a mean without a heavy tail: enough variety for a believable month.
    let count = Math.floor(mean);
    if (chance(mean - count)) count += 1;
    if (count > 0 && chance(0.25)) count -= 1;
    else if (chance(0.2)) count += 1;
    return count;
  }

  // What would happen after the last day (late completions, citations) has not happened yet.
  return events
    .filter((event) => event.time.getTime() <= end.getTime())
    .map((event, index) => ({ ...event, index }))
    .sort((a, b) => a.time.getTime() - b.time.getTime() || a.index - b.index)
    .map((event, position) =>
      event.build(`demo-event-${DEMO_HISTORY_YEAR}-${String(position + 1).padStart(5, '0')}`),
    );
}

/** Midnight of a day of the demo year in China Standard Time. */
function localDay(month: number, day: number): Date {
  return new Date(Date.UTC(DEMO_HISTORY_YEAR, month - 1, day) - 8 * 3_600_000);
}
