import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assign,
  hoursFromStart,
  OFFICE_LEADER,
  startMatters,
  type Matters,
  type Data,
} from './matters-harness.js';
import { step } from './matter-steps.js';

let matters: Matters;
/** The matters of this file by name. */
const ids: Record<'general' | 'legalSecret' | 'topSecret' | 'information', string> = {
  general: '',
  legalSecret: '',
  topSecret: '',
  information: '',
};
let generalSubId = '';

beforeAll(async () => {
  matters = await startMatters();
  ids.general = (
    await assign(matters, {
      title: '综合一处牵头事项',
      leadDivisionId: 'div-general-1',
      coDivisionIds: ['div-research'],
      responsibleStaffIds: ['staff-general-1-1'],
    })
  ).id;
  ids.legalSecret = (
    await assign(matters, {
      title: '法规室秘密事项',
      leadDivisionId: 'div-legal',
      coDivisionIds: [],
      responsibleStaffIds: [],
      classification: 'SECRET',
    })
  ).id;
  ids.topSecret = (
    await matters.ok(
      'staff-director',
      `mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }`,
      {
        input: {
          title: '机要处绝密事项',
          leadDivisionId: 'div-confidential',
          classification: 'TOP_SECRET',
          deadline: hoursFromStart(100),
        },
      },
    )
  ).createAssignment.id;
  ids.information = (
    await assign(matters, {
      title: '信息处事项',
      leadDivisionId: 'div-information',
      coDivisionIds: [],
      responsibleStaffIds: ['staff-information-1'],
    })
  ).id;
  await step(matters, 'ACCEPT', ids.general);
  generalSubId = (
    await matters.ok(
      'staff-general-1-head',
      `mutation($input: CreateSubAssignmentInput!) { createSubAssignment(input: $input) { id } }`,
      {
        input: {
          parentId: ids.general,
          leadDivisionId: 'div-research',
          title: '调研室协办子事项',
          deadline: hoursFromStart(48),
        },
      },
    )
  ).createSubAssignment.id;
});

afterAll(async () => {
  await matters?.close();
});

type Name = keyof typeof ids | 'generalSub';
const idOf = (name: Name) => (name === 'generalSub' ? generalSubId : ids[name]);
const ALL: Name[] = ['general', 'generalSub', 'legalSecret', 'topSecret', 'information'];

/** Who sees what, by the rule: clearance first, then leadership / division / responsibility. */
const VIEWERS: Array<[string, string, Name[]]> = [
  ['staff-director', 'office leadership, TOP_SECRET', ALL],
  [
    'staff-deputy-director-1',
    'office leadership, SECRET',
    ['general', 'generalSub', 'legalSecret', 'information'],
  ],
  ['staff-general-1-2', 'staff of the lead division', ['general']],
  [
    'staff-research-1',
    'staff of a co-organising division (and lead of the sub-matter)',
    ['general', 'generalSub'],
  ],
  ['staff-legal-head', 'head of the lead division, cleared', ['legalSecret']],
  ['staff-legal-1', 'staff of the lead division, not cleared', []],
  ['staff-information-1', 'responsible person', ['information']],
  ['staff-secretariat-2', 'staff of an uninvolved division', []],
  ['staff-daoli-liaison', 'a liaison outside every division', []],
];

const namesOf = (found: Array<string | null | undefined>) =>
  ALL.filter((name) => found.includes(idOf(name)));

describe.each(VIEWERS)('what %s (%s) sees', (viewer, _who, visible) => {
  it('by id', async () => {
    const found = [];
    for (const name of ALL) {
      const { assignment } = await matters.ok(
        viewer,
        `query($id: ID!) { assignment(id: $id) { id } }`,
        { id: idOf(name) },
      );
      found.push(assignment?.id);
    }
    expect(namesOf(found)).toEqual(visible);
  });

  it('in lists and their counts', async () => {
    const { assignments } = await matters.ok(
      viewer,
      `{ assignments(first: 100) { totalCount edges { node { id } } } }`,
    );
    expect(namesOf(assignments.edges.map((e: Data) => e.node.id))).toEqual(visible);
    expect(assignments.totalCount).toBe(visible.length);
  });

  it("in divisions' and staff members' lists", async () => {
    const { divisions } = await matters.ok(
      viewer,
      `{ divisions(first: 30) { edges { node { assignments(first: 10) { totalCount edges { node { id } } } } } } }`,
    );
    const found = divisions.edges.flatMap((d: Data) =>
      d.node.assignments.edges.map((e: Data) => e.node.id),
    );
    expect(namesOf(found)).toEqual(visible);
    const { staffMember } = await matters.ok(
      viewer,
      `{ staffMember(id: "staff-general-1-1") { assignments { totalCount edges { node { id } } } } }`,
    );
    expect(staffMember.assignments.totalCount).toBe(visible.includes('general') ? 1 : 0);
  });

  it('in federation entity references', async () => {
    const { _entities } = await matters.ok(
      viewer,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Assignment { id } } }`,
      {
        r: ALL.map((name) => ({ __typename: 'Assignment', id: idOf(name) })),
      },
    );
    expect(namesOf(_entities.map((entity: Data) => entity?.id))).toEqual(visible);
  });

  it('in board figures and division figures', async () => {
    const { leadershipBoard, divisions } = await matters.ok(
      viewer,
      `{
      leadershipBoard { totals { open } rows { division { id } figures { open } assignments(first: 100) { edges { node { id } } } } }
      divisions(first: 100) { edges { node { assignmentFigures { open } } } }
    }`,
    );
    expect(leadershipBoard.totals.open).toBe(visible.length);
    const drilled = leadershipBoard.rows.flatMap((row: Data) =>
      row.assignments.edges.map((e: Data) => e.node.id),
    );
    expect(namesOf(drilled)).toEqual(visible);
    const perDivision = divisions.edges.reduce(
      (sum: number, d: Data) => sum + d.node.assignmentFigures.open,
      0,
    );
    expect(perDivision).toBe(visible.length);
  });

  it('through a matter it can see: sub-matters and parents', async () => {
    const { assignments } = await matters.ok(
      viewer,
      `{ assignments(first: 100) { edges { node { id parent { id } subAssignments { id } } } } }`,
    );
    const linked = assignments.edges.flatMap((e: Data) => [
      e.node.parent?.id,
      ...e.node.subAssignments.map((s: Data) => s.id),
    ]);
    expect(namesOf(linked).every((name) => visible.includes(name))).toBe(true);
  });
});

describe('acting on a matter one may not see', () => {
  it('is NOT_FOUND, exactly like a matter that does not exist, and changes nothing', async () => {
    const before = await matters.models.assignments.findById(ids.legalSecret).lean();
    for (const [query, input] of [
      [
        `mutation($input: AssignmentStepInput!) { acceptAssignment(input: $input) { id } }`,
        { id: ids.legalSecret },
      ],
      [
        `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { id } }`,
        { assignmentId: ids.legalSecret, text: '进展', percent: 10 },
      ],
      [
        `mutation($input: RemindAssignmentInput!) { remindAssignment(input: $input) { id } }`,
        { id: ids.legalSecret, message: '催办' },
      ],
      [
        `mutation($input: RaiseDifficultyInput!) { raiseDifficulty(input: $input) { id } }`,
        { assignmentId: ids.legalSecret, title: '困难' },
      ],
    ] as const) {
      const hidden = await matters.as('staff-legal-1', query, { input });
      const missing = await matters.as('staff-legal-1', query, {
        input: {
          ...input,
          ...('id' in input
            ? { id: 'assignment-nowhere' }
            : { assignmentId: 'assignment-nowhere' }),
        },
      });
      expect(hidden.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(hidden.body.errors?.[0]?.message).toBe(
        missing.body.errors?.[0]?.message.replace('assignment-nowhere', ids.legalSecret),
      );
    }
    expect(await matters.models.assignments.findById(ids.legalSecret).lean()).toEqual(before);
  });

  it('lets office leadership above the clearance see nothing of a TOP_SECRET matter either', async () => {
    const { body } = await matters.as(
      'staff-deputy-director-1',
      `mutation { cancelAssignment(input: { id: "${ids.topSecret}", reason: "x" }) { id } }`,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('difficulties', () => {
  it('are seen by their division, the resolver and office leadership, within clearance — and resolved by leadership', async () => {
    const raised = await matters.ok(
      'staff-legal-head',
      `mutation($input: RaiseDifficultyInput!) { raiseDifficulty(input: $input) { id classification status division { id } assignment { id } } }`,
      {
        input: {
          title: '缺少上位法依据',
          description: '需请示省委办公厅',
          assignmentId: ids.legalSecret,
        },
      },
    );
    const difficulty = raised.raiseDifficulty;
    expect(difficulty).toMatchObject({
      classification: 'SECRET',
      status: 'OPEN',
      division: { id: 'div-legal' },
      assignment: { id: ids.legalSecret },
    });

    const seen = async (viewer: string) =>
      (
        await matters.ok(
          viewer,
          `{ difficulties(status: [OPEN, IN_RESOLUTION]) { totalCount edges { node { id } } } }`,
        )
      ).difficulties.totalCount;
    expect(await seen('staff-legal-head')).toBe(1);
    expect(await seen('staff-deputy-director-1')).toBe(1);
    expect(await seen('staff-legal-1')).toBe(0);
    expect(await seen('staff-secretariat-2')).toBe(0);

    const refused = await matters.as(
      'staff-legal-head',
      `mutation { assignDifficultyResolver(input: { id: "${difficulty.id}", resolverStaffId: "staff-legal-deputy" }) { id } }`,
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const uncleared = await matters.as(
      OFFICE_LEADER,
      `mutation { assignDifficultyResolver(input: { id: "${difficulty.id}", resolverStaffId: "staff-legal-2" }) { id } }`,
    );
    expect(uncleared.body.errors?.[0]?.message).toBe('钟诗琪的涉密等级不足以处理该困难');

    await matters.ok(
      OFFICE_LEADER,
      `mutation { assignDifficultyResolver(input: { id: "${difficulty.id}", resolverStaffId: "staff-documents-deputy" }) { status resolver { id } } }`,
    );
    expect(await seen('staff-documents-deputy')).toBe(1);
    const resolved = await matters.ok(
      'staff-documents-deputy',
      `mutation { resolveDifficulty(input: { id: "${difficulty.id}", resolution: "已协调省委办公厅法规处给予指导" }) { status resolution resolvedBy { id } } }`,
    );
    expect(resolved.resolveDifficulty).toEqual({
      status: 'RESOLVED',
      resolution: '已协调省委办公厅法规处给予指导',
      resolvedBy: { id: 'staff-documents-deputy' },
    });
    expect(await seen('staff-deputy-director-1')).toBe(0);

    const events = (await matters.outboxEvents())
      .filter((e) => e.subject === difficulty.id)
      .map((e) => e.type);
    expect(events).toEqual([
      'heli.responsibility.difficulty.raised.v1',
      'heli.responsibility.difficulty.resolved.v1',
    ]);
  });

  it('refuses a null classification: one left out is INTERNAL, none at all is not a difficulty', async () => {
    const { body } = await matters.as(
      'staff-legal-head',
      `mutation { raiseDifficulty(input: { title: "缺少经费", classification: null }) { id } }`,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
