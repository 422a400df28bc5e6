import { randomUUID } from 'node:crypto';
import { conflict, badInput, rejectProblems } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import { guardLedgerWrite } from '../ledger/ledger-guard.model.js';
import type { ScoreEntryRecord } from '../ledger/ledger.model.js';
import { SCORING_ENTRY_KINDS } from '../ledger/record-scoring-event.js';
import { roundPoints, type ScorableEventRecord } from '../ledger/score-event.rules.js';
import { projectEntries } from '../ledger/division-standings.js';
import { periodTotals } from '../ledger/score-totals.js';
import type { AssessmentModels } from '../models.js';
import { assessmentYearProblem } from '../periods/period.js';
import { activeRuleSet } from '../scoring-rules/active-rule-set.js';
import {
  conditionSizeProblem,
  MAX_CONDITION_LENGTH,
  ruleConditionSchema,
} from '../scoring-rules/rule-condition.js';
import type {
  GradeThresholds,
  ScoringRuleDraft,
  ScoringRuleSet,
} from '../scoring-rules/scoring-rule.js';
import { ruleSetId } from '../scoring-rules/scoring-rules.model.js';
import {
  assertValidScoringRules,
  canonicalJson,
  InvalidScoringRules,
  versionRules,
} from '../scoring-rules/scoring-rules.rules.js';
import { changeByDivision, planRecompute, type StandingScore } from './recompute.rules.js';

/** A rule as GraphQL carries it: the condition as JSON text, and the cap may be left out (none). */
export type ScoringRuleInput = Omit<ScoringRuleDraft, 'condition' | 'cap'> & {
  condition?: string | null;
  cap?: ScoringRuleDraft['cap'];
};

export interface ScoringRuleSetInput {
  year: number;
  basedOnVersion: number;
  rules: ScoringRuleInput[];
  grading: GradeThresholds;
  reason: string;
}

export interface DivisionScoreChange {
  divisionId: string;
  before: number;
  after: number;
  change: number;
}

export interface RecomputeResult {
  ruleSet: ScoringRuleSet;
  applied: boolean;
  eventsReplayed: number;
  adjustments: number;
  divisions: DivisionScoreChange[];
}

/**
 * Replays the year's stored events under the proposed rules and compares with the ledger. With
 * `apply`, in one transaction: stores the rules as the next version (unless they are the active
 * ones unchanged) and appends the compensating entries. Without it, writes nothing — and because
 * both run the same plan over the same data, the preview is what applying gives.
 */
export async function recomputeScores(
  models: AssessmentModels,
  input: ScoringRuleSetInput,
  { staffId, apply, now = new Date() }: { staffId: string; apply: boolean; now?: Date },
): Promise<RecomputeResult> {
  rejectProblems([assessmentYearProblem(input.year)]);
  const drafts = parseDrafts(input.rules);
  assertValidScoringRules(drafts, input.grading);
  const reason = input.reason.trim();
  if (reason === '') throw badInput('调整评分标准必须说明理由', { fields: ['reason'] });

  const run = async (session?: ClientSession): Promise<RecomputeResult> => {
    // Two recomputes of one year at once would both append the same compensation when the rules
    // are unchanged (no new version to collide on); the second now conflicts, retries and finds none.
    if (session) await guardLedgerWrite(models.ledgerGuards, `recompute:${input.year}`, session);
    const current = await activeRuleSet(models.ruleSets, input.year, session);
    if (current.version !== input.basedOnVersion) {
      throw conflict(
        `${input.year} 年评分标准已是第 ${current.version} 版（基于第 ${input.basedOnVersion} 版的修改未保存），请在最新版本上重新修改`,
      );
    }
    const rules = versionRules(
      current.rules,
      drafts,
      await retiredRuleVersions(models, input.year, session),
    );
    const unchanged =
      canonicalJson(rules) === canonicalJson(current.rules) &&
      canonicalJson(input.grading) === canonicalJson(current.grading);
    const ruleSet: ScoringRuleSet = unchanged
      ? current
      : {
          year: input.year,
          version: current.version + 1,
          rules,
          grading: input.grading,
          reason,
          createdByStaffId: staffId,
          createdAt: now,
        };

    // One after the other: operations of one transaction's session must not run concurrently.
    const events = await storedEvents(models, input.year, session);
    const standing = await standingScores(models, input.year, session);
    const before = await periodTotals(models, { kind: 'YEAR', year: input.year });
    const { adjustments } = planRecompute(events, ruleSet, standing);

    if (apply) {
      if (!unchanged) {
        const toStore =
          current.version === 1 && !(await isStored(models, input.year, 1, session))
            ? [current, ruleSet]
            : [ruleSet];
        await models.ruleSets.create(
          toStore.map((set) => ({ ...set, _id: ruleSetId(set.year, set.version) })),
          { session, ordered: true },
        );
      }
      if (adjustments.length > 0) {
        const recomputeId = randomUUID();
        const entries: ScoreEntryRecord[] = adjustments.map((adjustment) => ({
          _id: `${recomputeId}:${adjustment.key}#${adjustment.category}`,
          kind: 'RECOMPUTE',
          scoreKey: adjustment.key,
          divisionId: adjustment.divisionId,
          category: adjustment.category,
          points: adjustment.points,
          uncappedPoints: null,
          capPeriod: null,
          ...adjustment.periods,
          source: {
            eventId: adjustment.eventId,
            eventType: adjustment.eventType,
            eventTime: adjustment.eventTime,
          },
          rule: { ...adjustment.rule, ruleSetVersion: ruleSet.version },
          reason: `评分标准第 ${ruleSet.version} 版：${reason}`,
          correctsEntryId: null,
          recordedByStaffId: staffId,
          recordedAt: now,
        }));
        await models.scoreEntries.insertMany(entries, { session });
        // Applying always runs in a transaction (below), so the standings move with the entries.
        if (session) await projectEntries(models, session, entries);
      }
    }

    const change = changeByDivision(adjustments);
    const divisionIds = [...new Set([...before.keys(), ...change.keys()])].sort();
    return {
      ruleSet,
      applied: apply,
      eventsReplayed: events.length,
      adjustments: adjustments.length,
      divisions: divisionIds.map((divisionId) => {
        const was = before.get(divisionId)?.total ?? 0;
        const delta = change.get(divisionId) ?? 0;
        return { divisionId, before: was, after: roundPoints(was + delta), change: delta };
      }),
    };
  };

  return apply ? models.scoreEntries.db.transaction((session) => run(session)) : run();
}

function parseDrafts(rules: ScoringRuleInput[]): ScoringRuleDraft[] {
  const problems: string[] = [];
  const drafts = rules.map((rule): ScoringRuleDraft => {
    const { condition: text, ...rest } = rule;
    if (text === null || text === undefined || text.trim() === '')
      return { ...rest, cap: rest.cap ?? null, condition: null };
    if (text.length > MAX_CONDITION_LENGTH) {
      problems.push(`规则“${rule.id}”的条件不能超过 ${MAX_CONDITION_LENGTH} 个字符`);
      return { ...rest, cap: rest.cap ?? null, condition: null };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      problems.push(`规则“${rule.id}”的条件不是合法的 JSON`);
      return { ...rest, cap: rest.cap ?? null, condition: null };
    }
    const tooLarge = conditionSizeProblem(parsed);
    if (tooLarge) {
      problems.push(`规则“${rule.id}”的条件${tooLarge}`);
      return { ...rest, cap: rest.cap ?? null, condition: null };
    }
    const condition = ruleConditionSchema.safeParse(parsed);
    if (!condition.success) {
      problems.push(
        `规则“${rule.id}”的条件无法识别：只能使用 field 与 equals / notEquals / in / differsFromField，以及 all / any / not`,
      );
      return { ...rest, cap: rest.cap ?? null, condition: null };
    }
    return { ...rest, cap: rest.cap ?? null, condition: condition.data };
  });
  if (problems.length > 0) throw new InvalidScoringRules(problems);
  return drafts;
}

async function storedEvents(
  models: AssessmentModels,
  year: number,
  session?: ClientSession,
): Promise<ScorableEventRecord[]> {
  const events = await models.scoringEvents
    .find({ year }, { type: 1, time: 1, 'envelope.data': 1 }, { session })
    .lean();
  return events.map((event) => ({
    id: event._id,
    type: event.type,
    time: event.time,
    data: event.envelope.data,
  }));
}

/** What the rule-set entries of the year add up to per score and category (corrections aside). */
async function standingScores(
  models: AssessmentModels,
  year: number,
  session?: ClientSession,
): Promise<StandingScore[]> {
  const groups = await models.scoreEntries
    .aggregate<{
      _id: { scoreKey: string; category: StandingScore['category'] };
      points: number;
      first: ScoreEntryRecord;
    }>([
      { $match: { year, kind: { $in: [...SCORING_ENTRY_KINDS] } } },
      {
        $group: {
          _id: { scoreKey: '$scoreKey', category: '$category' },
          points: { $sum: '$points' },
          first: { $first: '$$ROOT' },
        },
      },
    ])
    .session(session ?? null);
  return groups.map(({ _id, points, first }) => ({
    key: _id.scoreKey,
    category: _id.category,
    points: roundPoints(points),
    eventId: first.source.eventId,
    eventType: first.source.eventType,
    eventTime: new Date(first.source.eventTime),
    divisionId: first.divisionId,
    rule: { id: first.rule.id, version: first.rule.version },
    periods: { year: first.year, quarter: first.quarter, month: first.month },
  }));
}

/** The last version of every rule ever defined for the year, so a returning rule continues it. */
async function retiredRuleVersions(
  models: AssessmentModels,
  year: number,
  session?: ClientSession,
): Promise<Map<string, number>> {
  const sets = await models.ruleSets.find({ year }, { rules: 1 }, { session }).lean();
  const last = new Map<string, number>();
  for (const set of sets) {
    for (const rule of set.rules) last.set(rule.id, Math.max(last.get(rule.id) ?? 0, rule.version));
  }
  return last;
}

async function isStored(
  models: AssessmentModels,
  year: number,
  version: number,
  session?: ClientSession,
): Promise<boolean> {
  return (
    (await models.ruleSets.exists({ _id: ruleSetId(year, version) }).session(session ?? null)) !==
    null
  );
}
