import { claimsForStaff } from '@heli/demo-data';
import type { Outbox } from '@heli/subgraph-runtime';
import type { Model } from 'mongoose';
import {
  acceptAssignment,
  cancelAssignment,
  completeAssignment,
  createAssignment,
  createSubAssignment,
  returnAssignment,
  submitAssignmentResult,
  type Actor,
} from '../assignments/assignments.commands.js';
import { writeMatters, type MatterWrite } from '../assignments/matter-write.js';
import {
  assignDifficultyResolver,
  raiseDifficulty,
  resolveDifficulty,
} from '../difficulties/difficulties.commands.js';
import { defineDuty } from '../duties/duties.commands.js';
import type { ResponsibilityModels } from '../models.js';
import { reportProgress } from '../progress-reports/progress-reports.commands.js';
import { remindManually } from '../supervision/reminders.commands.js';
import {
  demoDifficulties,
  demoDuties,
  demoMatters,
  type DemoMatter,
  type DemoStep,
} from './demo-matters.js';

const DAY_MS = 86_400_000;

export interface DemoMattersSummary {
  duties: number;
  matters: number;
  difficulties: number;
}

/**
 * Loads the demo duties, matters and difficulties (after the demo organisation) through the same
 * commands the mutations use, replaying each matter's life at the times it describes relative to
 * `now` — so history, progress reports, events and the on-time figures are what real use would
 * have produced. Records that exist are left alone; loading again changes nothing. Late matters
 * are escalated by the supervision tick, not here.
 */
export function loadDemoMatters(
  scope: { models: ResponsibilityModels; outbox: Outbox },
  now: Date,
): Promise<DemoMattersSummary> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return writeMatters(scope, async (write) => {
    const summary: DemoMattersSummary = { duties: 0, matters: 0, difficulties: 0 };
    const existingDuties = await idsIn(write, write.models.duties);
    for (const { id, ...duty } of demoDuties) {
      if (existingDuties.has(id)) continue;
      await defineDuty(write, duty, { staffId: 'staff-executive-deputy', at: daysAgo(60) }, id);
      summary.duties++;
    }

    const existingMatters = await idsIn(write, write.models.assignments);
    for (const matter of demoMatters) {
      if (existingMatters.has(matter.id)) continue;
      await createDemoMatter(write, matter, daysAgo, now);
      for (const step of matter.steps) await replay(write, matter.id, step, daysAgo);
      summary.matters++;
    }

    const existingDifficulties = await idsIn(write, write.models.difficulties);
    for (const difficulty of demoDifficulties) {
      if (existingDifficulties.has(difficulty.id)) continue;
      const matter = difficulty.assignmentId
        ? await write.models.assignments
            .findById(difficulty.assignmentId)
            .session(write.session)
            .lean()
        : null;
      const raisedAt = daysAgo(difficulty.raisedDaysAgo);
      const raised = await raiseDifficulty(
        write,
        claimsForStaff(difficulty.raisedBy),
        {
          title: difficulty.title,
          description: difficulty.description,
          classification: 'INTERNAL',
        },
        matter,
        { staffId: difficulty.raisedBy, at: raisedAt },
        difficulty.id,
      );
      if (difficulty.resolver) {
        const leader = {
          staffId: 'staff-executive-deputy',
          at: new Date(raisedAt.getTime() + DAY_MS),
        };
        await assignDifficultyResolver(write, raised._id, difficulty.resolver, leader);
      }
      if (difficulty.resolution) {
        const resolvedAt = new Date(raisedAt.getTime() + 3 * DAY_MS);
        await resolveDifficulty(write, raised._id, difficulty.resolution, {
          staffId: difficulty.resolver!,
          at: resolvedAt,
        });
      }
      summary.difficulties++;
    }
    return summary;
  });
}

async function createDemoMatter(
  write: MatterWrite,
  matter: DemoMatter,
  daysAgo: (days: number) => Date,
  now: Date,
): Promise<void> {
  const actor: Actor = { staffId: matter.assignedBy, at: daysAgo(matter.createdDaysAgo) };
  const deadline = new Date(now.getTime() + matter.deadlineInDays * DAY_MS);
  if (matter.parentId) {
    await createSubAssignment(
      write,
      matter.parentId,
      {
        leadDivisionId: matter.leadDivisionId,
        title: matter.title,
        requirements: matter.requirements,
        responsibleStaffIds: matter.responsibleStaffIds,
        deadline,
      },
      actor,
      matter.id,
    );
    return;
  }
  await createAssignment(
    write,
    {
      title: matter.title,
      requirements: matter.requirements,
      classification: matter.classification,
      leadDivisionId: matter.leadDivisionId,
      coDivisionIds: matter.coDivisionIds,
      responsibleStaffIds: matter.responsibleStaffIds,
      deadline,
      priority: matter.priority,
      reportFrequency: matter.reportFrequency,
    },
    { source: matter.source, sourceRef: matter.sourceRef ?? null, parentId: null },
    actor,
    matter.id,
  );
}

async function replay(
  write: MatterWrite,
  id: string,
  step: DemoStep,
  daysAgo: (days: number) => Date,
): Promise<void> {
  const actor: Actor = { staffId: step.by, at: daysAgo(step.daysAgo) };
  switch (step.do) {
    case 'ACCEPT':
      await acceptAssignment(write, { id, actor });
      return;
    case 'REPORT':
      await reportProgress(
        write,
        { assignmentId: id, text: step.text, percent: step.percent },
        actor,
      );
      return;
    case 'SUBMIT':
      await submitAssignmentResult(write, { id, actor, result: step.text });
      return;
    case 'COMPLETE':
      await completeAssignment(write, { id, actor });
      return;
    case 'RETURN':
      await returnAssignment(write, { id, actor, reason: step.reason });
      return;
    case 'CANCEL':
      await cancelAssignment(write, { id, actor, reason: step.reason });
      return;
    case 'REMIND': {
      const matter = await write.models.assignments.findById(id).session(write.session).lean();
      await remindManually(write, matter!, step.text, actor);
      return;
    }
  }
}

async function idsIn<T extends { _id: string }>(
  write: MatterWrite,
  model: Model<T>,
): Promise<Set<string>> {
  const records = await model.find({}, { _id: 1 }).session(write.session).lean<{ _id: string }[]>();
  return new Set(records.map((record) => record._id));
}
