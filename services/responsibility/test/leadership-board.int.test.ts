import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assign,
  hoursFromStart,
  OFFICE_LEADER,
  startMatters,
  TEST_START,
  type Matters,
  type Data,
} from './matters-harness.js';
import { step } from './matter-steps.js';

let matters: Matters;
const ids: Record<string, string> = {};

beforeAll(async () => {
  matters = await startMatters();
  matters.clock.set(TEST_START); // Thursday 09:00 China time; the week ends Monday 00:00, 87 hours on.
  const matter = async (
    name: string,
    deadlineHours: number,
    input: Record<string, unknown> = {},
  ) => {
    matters.clock.advanceHours(0.01); // distinct creation times, for the CREATED_AT order
    ids[name] = (
      await assign(matters, {
        title: `事项${name}`,
        deadline: hoursFromStart(deadlineHours),
        ...input,
      })
    ).id;
    return ids[name]!;
  };
  await matter('dueSaturday', 48, { priority: 'URGENT' });
  await matter('dueInTenDays', 240);
  await matter('late', 10);
  const onTime = await matter('completedOnTime', 20);
  await step(matters, 'ACCEPT', onTime);
  await step(matters, 'SUBMIT_RESULT', onTime);
  await step(matters, 'COMPLETE', onTime);
  await matter('completedLate', 5);
  const waiting = await matter('resultWaiting', 3, { priority: 'HIGH' });
  await step(matters, 'ACCEPT', waiting);
  await step(matters, 'SUBMIT_RESULT', waiting);
  const cancelled = await matter('cancelled', 30);
  await step(matters, 'CANCEL', cancelled);
  await matter('legal', 32, {
    leadDivisionId: 'div-legal',
    coDivisionIds: [],
    responsibleStaffIds: [],
  });

  matters.clock.set(new Date(hoursFromStart(6)));
  await step(matters, 'ACCEPT', ids['completedLate']!);
  await step(matters, 'SUBMIT_RESULT', ids['completedLate']!);
  await step(matters, 'COMPLETE', ids['completedLate']!);
  matters.clock.set(new Date(hoursFromStart(12)));
  await matters.tick();
});

afterAll(async () => {
  await matters?.close();
});

const FIGURES = 'open dueThisWeek overdue completedOnTime completedLate onTimeRate';

describe('the leadership board', () => {
  it('shows per division: open, due this week, overdue, completed on time and late, on-time rate', async () => {
    const { leadershipBoard } = await matters.ok(
      OFFICE_LEADER,
      `{
      leadershipBoard { asOf weekStart weekEnd totals { ${FIGURES} } rows { division { id name } figures { ${FIGURES} } } }
    }`,
    );
    expect(leadershipBoard).toMatchObject({
      asOf: hoursFromStart(12),
      weekStart: new Date('2026-11-23T00:00:00+08:00').toISOString(),
      weekEnd: new Date('2026-11-30T00:00:00+08:00').toISOString(),
    });
    const row = (id: string) =>
      leadershipBoard.rows.find((r: Data) => r.division.id === id).figures;
    expect(row('div-general-1')).toEqual({
      open: 4, // dueSaturday, dueInTenDays, late, resultWaiting
      dueThisWeek: 1, // dueSaturday; a result waiting for acceptance owes no work
      overdue: 1, // late; resultWaiting came in before its deadline
      completedOnTime: 1,
      completedLate: 1,
      onTimeRate: 0.5,
    });
    expect(row('div-legal')).toEqual({
      open: 1,
      dueThisWeek: 1,
      overdue: 0,
      completedOnTime: 0,
      completedLate: 0,
      onTimeRate: null,
    });
    expect(row('div-secretariat').open).toBe(0);
    expect(leadershipBoard.rows.map((r: Data) => r.division.name).slice(0, 3)).toEqual([
      '秘书处',
      '综合一处',
      '综合二处',
    ]);
    expect(leadershipBoard.totals).toEqual({
      open: 5,
      dueThisWeek: 2,
      overdue: 1,
      completedOnTime: 1,
      completedLate: 1,
      onTimeRate: 0.5,
    });
  });

  it('narrows to the divisions asked for and drills down to the matters behind a figure', async () => {
    const { leadershipBoard } = await matters.ok(
      OFFICE_LEADER,
      `{
      leadershipBoard(divisionIds: ["div-general-1"]) {
        rows { division { id } overdue: assignments(filter: { overdue: true }) { edges { node { id overdue escalationLevel } } } }
      }
    }`,
    );
    expect(leadershipBoard.rows).toEqual([
      {
        division: { id: 'div-general-1' },
        overdue: { edges: [{ node: { id: ids['late'], overdue: true, escalationLevel: 'BLUE' } }] },
      },
    ]);
  });
});

describe('matter lists', () => {
  const list = async (args: string) =>
    (
      await matters.ok(
        OFFICE_LEADER,
        `{ assignments(${args}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
      )
    ).assignments;
  const namesOf = (connection: Data) =>
    connection.edges.map((e: Data) => Object.keys(ids).find((name) => ids[name] === e.node.id));

  it('filter by status, division, deadline range, overdue and escalation level', async () => {
    expect(
      namesOf(await list('filter: { status: [COMPLETED] }, sort: { field: DEADLINE }')),
    ).toEqual(['completedLate', 'completedOnTime']);
    expect(namesOf(await list('filter: { divisionId: "div-legal" }'))).toEqual(['legal']);
    expect(
      namesOf(await list('filter: { divisionId: "div-research" }, sort: { field: DEADLINE }')),
    ).toEqual([
      'resultWaiting',
      'completedLate',
      'late',
      'completedOnTime',
      'cancelled',
      'dueSaturday',
      'dueInTenDays',
    ]);
    expect(
      namesOf(
        await list(
          `filter: { deadlineFrom: "${hoursFromStart(20)}", deadlineTo: "${hoursFromStart(48)}" }, sort: { field: DEADLINE }`,
        ),
      ),
    ).toEqual(['completedOnTime', 'cancelled', 'legal']);
    expect(namesOf(await list('filter: { escalationLevel: [BLUE] }'))).toEqual(['late']);
    expect((await list('filter: { overdue: false }')).totalCount).toBe(7);
    expect(namesOf(await list('filter: { source: [INSTRUCTION] }'))).toEqual([]);
  });

  it('sort by priority and page with cursors, the pages adding up to the whole list', async () => {
    const byPriority = namesOf(await list('sort: { field: PRIORITY, direction: DESC }, first: 2'));
    expect(byPriority).toEqual(['dueSaturday', 'resultWaiting']);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Data = await list(
        `first: 3${after ? `, after: "${after}"` : ''}, sort: { field: CREATED_AT }`,
      );
      seen.push(...namesOf(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([
      'dueSaturday',
      'dueInTenDays',
      'late',
      'completedOnTime',
      'completedLate',
      'resultWaiting',
      'cancelled',
      'legal',
    ]);
  });
});
