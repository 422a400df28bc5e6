import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeliClaims } from '@heli/auth';
import { claimsForStaff } from '@heli/demo-data';
import { waitFor } from '@heli/testkit';
import { startStack, type Stack } from '../harness/stack.js';
import { responsibilityPart, sharingPart, assessmentPart } from '../harness/service-parts.js';

const leadership = claimsForStaff('staff-executive-deputy');
const general1Head = claimsForStaff('staff-general-1-head');
const researchHead = claimsForStaff('staff-research-head');

/** Events count in the period of their time in China Standard Time (UTC+8). */
const currentYear = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());

type Explanation = { node: { points: number; sourceEvent: { id: string; type: string } } }[];

describe('scores computed from what happened in responsibility and sharing, through the gateway', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack([responsibilityPart(), sharingPart(), assessmentPart()]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const run = <T>(viewer: HeliClaims, query: string, variables?: Record<string, unknown>) =>
    stack.data<T>(viewer, query, variables);

  const explanationOf = async (divisionId: string) => {
    const data = await run<{
      division: {
        score: { total: number; explanation: { totalCount: number; edges: Explanation } };
      };
    }>(
      general1Head,
      `query ($id: ID!, $period: String!) { division(id: $id) { id name score(period: $period) { total
         explanation(first: 100) { totalCount edges { node { points sourceEvent { id type time } } } } } } }`,
      { id: divisionId, period: currentYear },
    );
    return data.division.score;
  };

  it('credits the lead division for a matter completed on time and for its catalogue entry cited by another division', async () => {
    // A matter completed on time in responsibility.
    const { createAssignment } = await run<{ createAssignment: { id: string } }>(
      leadership,
      'mutation ($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }',
      {
        input: {
          title: '梳理本年度政务信息报送情况',
          leadDivisionId: 'div-general-1',
          coDivisionIds: [],
          deadline: new Date(Date.now() + 5 * 24 * 3600_000).toISOString(),
          priority: 'NORMAL',
        },
      },
    );
    const id = createAssignment.id;
    await run(general1Head, 'mutation ($id: ID!) { acceptAssignment(input: { id: $id }) { id } }', {
      id,
    });
    await run(
      general1Head,
      'mutation ($id: ID!) { submitAssignmentResult(input: { id: $id, result: "已报送" }) { id } }',
      {
        id,
      },
    );
    await run(leadership, 'mutation ($id: ID!) { completeAssignment(input: { id: $id }) { id } }', {
      id,
    });

    // A catalogue entry of 综合一处, cited by 调研室 in sharing.
    const { publishCatalogEntry } = await run<{ publishCatalogEntry: { id: string } }>(
      general1Head,
      'mutation ($input: PublishCatalogEntryInput!) { publishCatalogEntry(input: $input) { id } }',
      {
        input: {
          title: '关于推进政务资源共享的调研报告',
          summary:
            '总结各政务处资源共享、成果共用的做法与问题，提出完善保密规定下信息分送机制的建议。',
          keywords: ['资源共享', '成果共用'],
          classification: 'INTERNAL',
        },
      },
    );
    await run(
      researchHead,
      'mutation ($entryId: ID!) { citeCatalogEntry(input: { entryId: $entryId, note: "用于年度调研选题" }) { id } }',
      {
        entryId: publishCatalogEntry.id,
      },
    );

    // Both reach assessment as events and show up, with their source events, in the score.
    let score = await explanationOf('div-general-1');
    await waitFor(
      async () => {
        score = await explanationOf('div-general-1');
        const types = score.explanation.edges.map((e) => e.node.sourceEvent.type);
        return (
          types.includes('heli.responsibility.assignment.completed.v1') &&
          types.includes('heli.sharing.catalog.entry-cited.v1')
        );
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    const completed = score.explanation.edges.find(
      (e) => e.node.sourceEvent.type === 'heli.responsibility.assignment.completed.v1',
    );
    const cited = score.explanation.edges.find(
      (e) => e.node.sourceEvent.type === 'heli.sharing.catalog.entry-cited.v1',
    );
    expect(completed?.node.points).toBe(3);
    expect(cited?.node.points).toBe(1);

    // The explanation points at the very events the outboxes published.
    const outboxIds = async (service: string, type: string) =>
      (
        await stack.subgraphs[service]!.conn.collection('outbox')
          .find({ 'envelope.type': type })
          .toArray()
      ).map((r) => (r.envelope as { id: string }).id);
    expect(
      await outboxIds('responsibility', 'heli.responsibility.assignment.completed.v1'),
    ).toContain(completed!.node.sourceEvent.id);
    expect(await outboxIds('sharing', 'heli.sharing.catalog.entry-cited.v1')).toContain(
      cited!.node.sourceEvent.id,
    );
    // Responsibility's demo matters score too (overdue ones negatively), so the total is checked
    // against the entries that explain it rather than against a fixed figure.
    // The demo's own events may still be arriving, and total and explanation are separate reads:
    // wait for a moment when both describe the same ledger.
    const explained = (s: typeof score) =>
      s.explanation.edges.reduce((sum, e) => sum + e.node.points, 0);
    await waitFor(
      async () => {
        score = await explanationOf('div-general-1');
        return Math.abs(score.total - explained(score)) < 1e-6;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    expect(score.explanation.totalCount).toBe(score.explanation.edges.length);
    expect(score.total).toBeCloseTo(explained(score), 6);

    // Each entry names what it is about: the matter and the catalogue entry themselves, followed
    // through the gateway to their owners — and for an assessor, who may see the score but not
    // the matter (its need-to-know is the divisions involved and leadership), the matter is null.
    const SUBJECT = `query ($id: ID!) { scoreEntry(id: $id) { points subject {
      __typename ... on Assignment { id title leadDivision { name } } ... on CatalogEntry { id title } } } }`;
    const entryId = async (eventId: string) =>
      String(
        (
          await stack.subgraphs['assessment']!.conn.collection('score_entries').findOne({
            'source.eventId': eventId,
          })
        )?._id,
      );
    const matterEntry = await run<{ scoreEntry: { subject: unknown } }>(general1Head, SUBJECT, {
      id: await entryId(completed!.node.sourceEvent.id),
    });
    expect(matterEntry.scoreEntry.subject).toEqual({
      __typename: 'Assignment',
      id,
      title: '梳理本年度政务信息报送情况',
      leadDivision: { name: '综合一处' },
    });
    const citedEntry = await run<{ scoreEntry: { subject: unknown } }>(general1Head, SUBJECT, {
      id: await entryId(cited!.node.sourceEvent.id),
    });
    expect(citedEntry.scoreEntry.subject).toEqual({
      __typename: 'CatalogEntry',
      id: publishCatalogEntry.id,
      title: '关于推进政务资源共享的调研报告',
    });
    const asAssessor = await run<{ scoreEntry: { points: number; subject: unknown } }>(
      claimsForStaff('staff-supervision-assessor'),
      SUBJECT,
      { id: await entryId(completed!.node.sourceEvent.id) },
    );
    expect(asAssessor.scoreEntry).toEqual({ points: 3, subject: null });
  });
});
