import { randomBytes, randomUUID } from 'node:crypto';
import type { HeliClaims } from '@heli/auth';
import { assessmentEvents } from '@heli/event-contracts';
import { badInput, conflict, notFound, type Outbox, rejectProblems } from '@heli/subgraph-runtime';
import { requireImpartialAssessor } from '../access/require-access.js';
import { requireKnownDivision } from '../divisions/require-known-division.js';
import { recordScoringEvent } from '../ledger/record-scoring-event.js';
import { roundPoints } from '../ledger/score-event.rules.js';
import type { AssessmentModels } from '../models.js';
import { formatPeriod, parsePeriod, periodFilter } from '../periods/period.js';
import type { ScoredItem } from '../scoring-events/scorable-events.js';
import type { FindingSeverity, InspectionRecord } from './inspections.model.js';
import {
  findingProblems,
  scheduleInspectionProblems,
  spotCheckProblems,
} from './inspections.rules.js';
import { canonicalPopulation, drawSample } from './spot-check-sample.js';

interface Scope {
  models: AssessmentModels;
  outbox: Outbox;
}

/** Who inspects: their division is the one they may not inspect. */
type Inspector = Pick<HeliClaims, 'sub' | 'divisionId'>;

const MAX_SAMPLE_SIZE = 100;

/** The division to inspect: one responsibility announced, and not the inspector's own. */
async function inspectableDivision(
  models: AssessmentModels,
  inspector: Inspector,
  divisionIdText: string,
): Promise<string> {
  const divisionId = divisionIdText.trim();
  if (divisionId === '') throw badInput('被检查处室不能为空', { fields: ['divisionId'] });
  await requireKnownDivision(models, divisionId);
  requireImpartialAssessor(inspector, divisionId);
  return divisionId;
}

/** A regular inspection (定期检查) of a division's work in a period, on a scheduled date. */
export async function scheduleInspection(
  { models }: Scope,
  input: { divisionId: string; period: string; title: string; scheduledFor: Date },
  inspector: Inspector,
  now: Date = new Date(),
): Promise<InspectionRecord> {
  const period = parsePeriod(input.period);
  rejectProblems(
    scheduleInspectionProblems(
      { title: input.title, period, scheduledFor: input.scheduledFor },
      now,
    ),
  );
  const divisionId = await inspectableDivision(models, inspector, input.divisionId);
  const inspection: InspectionRecord = {
    _id: `inspection-${randomUUID()}`,
    kind: 'REGULAR',
    divisionId,
    period: formatPeriod(period),
    title: input.title.trim(),
    status: 'OPEN',
    scheduledFor: input.scheduledFor,
    seed: null,
    population: [],
    sample: [],
    findings: [],
    createdByStaffId: inspector.sub,
    createdAt: now,
    completedAt: null,
    completedByStaffId: null,
  };
  await models.inspections.create([inspection]);
  return inspection;
}

/** The distinct items (matters, readings, …) of a division's stored events in a period. */
export async function divisionItems(
  models: AssessmentModels,
  divisionId: string,
  period: string,
  itemKinds: readonly string[] | null,
): Promise<ScoredItem[]> {
  const events = await models.scoringEvents
    .find(
      {
        divisionIds: divisionId,
        ...periodFilter(parsePeriod(period)),
        item: { $ne: null },
        ...(itemKinds && itemKinds.length > 0 ? { 'item.kind': { $in: [...itemKinds] } } : {}),
      },
      { item: 1 },
    )
    .lean();
  return canonicalPopulation(events.flatMap((event) => (event.item ? [event.item] : [])));
}

/**
 * A spot check (不定期抽查): draws `sampleSize` of the division's items in the period with a seed
 * — the caller's, or a random one — and records population, seed and sample, so anyone can draw
 * again and get the same items (`verifySpotCheck`).
 */
export async function startSpotCheck(
  { models }: Scope,
  input: {
    divisionId: string;
    period: string;
    title: string;
    sampleSize: number;
    itemKinds?: string[] | null;
    seed?: string | null;
  },
  inspector: Inspector,
  now: Date = new Date(),
): Promise<InspectionRecord> {
  if (
    !Number.isInteger(input.sampleSize) ||
    input.sampleSize < 1 ||
    input.sampleSize > MAX_SAMPLE_SIZE
  ) {
    throw badInput(`抽查数量应为 1 到 ${MAX_SAMPLE_SIZE} 之间的整数`, { fields: ['sampleSize'] });
  }
  const parsed = parsePeriod(input.period);
  rejectProblems(
    spotCheckProblems(
      { title: input.title, period: parsed, seed: input.seed, itemKinds: input.itemKinds },
      now,
    ),
  );
  const period = formatPeriod(parsed);
  const divisionId = await inspectableDivision(models, inspector, input.divisionId);
  const seed = input.seed?.trim() || randomBytes(8).toString('hex');
  const population = await divisionItems(models, divisionId, period, input.itemKinds ?? null);
  if (population.length === 0) {
    throw badInput(`处室“${divisionId}”在 ${period} 没有可抽查的事项`, {
      fields: ['divisionId', 'period'],
    });
  }
  const inspection: InspectionRecord = {
    _id: `inspection-${randomUUID()}`,
    kind: 'SPOT_CHECK',
    divisionId,
    period,
    title: input.title.trim(),
    status: 'OPEN',
    scheduledFor: null,
    seed,
    population,
    sample: drawSample(population, input.sampleSize, seed),
    findings: [],
    createdByStaffId: inspector.sub,
    createdAt: now,
    completedAt: null,
    completedByStaffId: null,
  };
  await models.inspections.create([inspection]);
  return inspection;
}

/** Draws a spot check's sample again from its recorded population and seed. */
export function verifySpotCheck(inspection: InspectionRecord) {
  if (inspection.kind !== 'SPOT_CHECK' || inspection.seed === null) {
    throw badInput('只有不定期抽查有可复核的抽样', { fields: ['id'] });
  }
  const redrawn = drawSample(inspection.population, inspection.sample.length, inspection.seed);
  const key = (items: ScoredItem[]) => JSON.stringify(items.map((item) => [item.kind, item.id]));
  return { seed: inspection.seed, redrawn, matches: key(redrawn) === key(inspection.sample) };
}

/**
 * Records a finding: a finding-recorded event (published through the outbox) that the year's
 * rules score by severity through the same path as every other event, in one transaction with
 * the finding itself.
 */
export async function recordInspectionFinding(
  { models, outbox }: Scope,
  input: {
    inspectionId: string;
    item?: ScoredItem | null;
    severity: FindingSeverity;
    note: string;
  },
  inspector: Inspector,
): Promise<InspectionRecord> {
  const staffId = inspector.sub;
  const note = input.note.trim();
  const item = input.item ? { kind: input.item.kind.trim(), id: input.item.id.trim() } : null;
  return outbox.withTransaction(async ({ session, emit }) => {
    const inspection = await models.inspections
      .findById(input.inspectionId, null, { session })
      .lean();
    if (!inspection) throw notFound(`检查“${input.inspectionId}”`);
    requireImpartialAssessor(inspector, inspection.divisionId);
    if (inspection.status !== 'OPEN') throw conflict('该检查已结束，不能再记录发现');
    rejectProblems(findingProblems({ note, item }, inspection.kind));
    // Inspections stored before unknown divisions were refused must not score one either.
    await requireKnownDivision(models, inspection.divisionId, session);
    if (
      item !== null &&
      inspection.kind === 'SPOT_CHECK' &&
      !inspection.sample.some((sampled) => sampled.kind === item.kind && sampled.id === item.id)
    ) {
      throw badInput(`“${item.kind} ${item.id}”不在本次抽查的样本中`, { fields: ['item'] });
    }
    const findingId = `finding-${randomUUID()}`;
    const envelope = emit(
      assessmentEvents.inspectionFindingRecorded,
      {
        findingId,
        inspectionId: inspection._id,
        inspectionKind: inspection.kind,
        divisionId: inspection.divisionId,
        item,
        severity: input.severity,
        note,
        inspectorStaffId: staffId,
        recordedAt: new Date().toISOString(),
      },
      { subject: inspection._id },
    );
    await recordScoringEvent(models, session, envelope);
    const finding = {
      findingId,
      eventId: envelope.id,
      item,
      severity: input.severity,
      note,
      inspectorStaffId: staffId,
      recordedAt: new Date(envelope.time),
    };
    const updated = await models.inspections
      .findByIdAndUpdate(inspection._id, { $push: { findings: finding } }, { session, new: true })
      .lean();
    return updated!;
  });
}

/** Closes an inspection and announces it with its findings' points (inspection.completed). */
export async function completeInspection(
  { models, outbox }: Scope,
  inspectionId: string,
  inspector: Inspector,
): Promise<InspectionRecord> {
  const staffId = inspector.sub;
  return outbox.withTransaction(async ({ session, emit }) => {
    const inspection = await models.inspections.findById(inspectionId, null, { session }).lean();
    if (!inspection) throw notFound(`检查“${inspectionId}”`);
    requireImpartialAssessor(inspector, inspection.divisionId);
    if (inspection.status !== 'OPEN') throw conflict('该检查已经结束');
    const points = await findingPoints(models, inspection);
    const completedAt = new Date();
    const updated = await models.inspections
      .findOneAndUpdate(
        { _id: inspectionId, status: 'OPEN' },
        { $set: { status: 'COMPLETED', completedAt, completedByStaffId: staffId } },
        { session, new: true },
      )
      .lean();
    if (!updated) throw conflict('该检查已经结束');
    emit(
      assessmentEvents.inspectionCompleted,
      {
        inspectionId,
        kind: inspection.kind,
        divisionId: inspection.divisionId,
        period: inspection.period,
        seed: inspection.seed,
        sampledItems: inspection.sample,
        findingCount: inspection.findings.length,
        points,
        inspectorStaffId: staffId,
        completedAt: completedAt.toISOString(),
      },
      { subject: inspectionId },
    );
    return updated;
  });
}

/** What an inspection's findings count for in the ledger now (rules, recomputes, corrections). */
export async function findingPoints(
  models: AssessmentModels,
  inspection: Pick<InspectionRecord, 'findings'>,
): Promise<number> {
  if (inspection.findings.length === 0) return 0;
  const entries = await models.scoreEntries
    .find({ 'source.eventId': { $in: inspection.findings.map((f) => f.eventId) } }, { points: 1 })
    .lean();
  return roundPoints(entries.reduce((sum, entry) => sum + entry.points, 0));
}
