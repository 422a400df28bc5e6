import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assign,
  CREATE,
  hoursFromStart,
  OFFICE_LEADER,
  startMatters,
  type Data,
  type Matters,
} from './matters-harness.js';
import { HEAD, step, takeStep } from './matter-steps.js';

/**
 * Input an exploratory test got through: each refusal must carry the right code and a message a
 * person understands, and leave every record and the outbox as they were.
 */
let matters: Matters;

const ADMIN = 'staff-information-admin';
const LIAISON = 'staff-daoli-liaison';
/** Two people marked as having left in `beforeAll`, through the admin's mutation. */
const LEFT_GENERAL = 'staff-general-1-2';
const LEFT_RESEARCH = 'staff-research-1';

const UPDATE_STAFF = `mutation($input: UpdateStaffInput!) {
  updateStaff(input: $input) { id roles clearance phone active } }`;
const SPLIT = `mutation($input: CreateSubAssignmentInput!) { createSubAssignment(input: $input) { id } }`;
const RAISE = `mutation($input: RaiseDifficultyInput!) { raiseDifficulty(input: $input) { id } }`;
const ASSIGN_RESOLVER = `mutation($input: AssignDifficultyResolverInput!) {
  assignDifficultyResolver(input: $input) { id resolver { id } } }`;
const SET_BODY = `mutation($input: SetCoordinationBodyInput!) {
  setCoordinationBody(input: $input) { id members { id } } }`;

beforeAll(async () => {
  matters = await startMatters();
  for (const id of [LEFT_GENERAL, LEFT_RESEARCH]) {
    await matters.ok(ADMIN, UPDATE_STAFF, { input: { id, active: false } });
  }
});

afterAll(async () => {
  await matters?.close();
});

/** Everything the service stores; outbox records by id, as the relay marks them in the background. */
async function everythingStored() {
  const collections = ['assignments', 'difficulties', 'staff', 'coordination_bodies'];
  const stored = await Promise.all(
    collections.map(async (name) => [
      name,
      await matters.conn.collection(name).find().sort({ _id: 1 }).toArray(),
    ]),
  );
  const eventIds = (await matters.outboxEvents()).map((event) => event.id).sort();
  return { ...Object.fromEntries(stored), eventIds };
}

/** Runs `mutation` as `staffId`, expecting one error with `code` and no change; returns its message. */
async function refused(
  staffId: string,
  mutation: string,
  input: Record<string, unknown>,
  code: string,
): Promise<string> {
  const before = await everythingStored();
  const { body } = await matters.as(staffId, mutation, { input });
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0]?.extensions?.code).toBe(code);
  expect(await everythingStored()).toEqual(before);
  return body.errors![0]!.message;
}

function newMatter(input: Record<string, unknown> = {}) {
  return {
    title: '起草政务资源整合实施方案',
    leadDivisionId: 'div-general-1',
    coDivisionIds: ['div-research'],
    deadline: hoursFromStart(24 * 10),
    ...input,
  };
}

describe('an administrator and their own privileges', () => {
  it('refuses them their own clearance and roles', async () => {
    expect(
      await refused(ADMIN, UPDATE_STAFF, { id: ADMIN, clearance: 'TOP_SECRET' }, 'FORBIDDEN'),
    ).toBe('不能修改本人的角色或涉密等级，请由其他管理员办理');
    await refused(
      ADMIN,
      UPDATE_STAFF,
      { id: ADMIN, roles: ['STAFF', 'ADMIN', 'OFFICE_LEADER'] },
      'FORBIDDEN',
    );
  });

  it('still lets them keep their own phone number and other people’s clearance', async () => {
    const own = await matters.ok(ADMIN, UPDATE_STAFF, {
      input: { id: ADMIN, phone: '0451-84670139', roles: ['ADMIN', 'STAFF'] },
    });
    expect(own.updateStaff).toMatchObject({ phone: '0451-84670139', clearance: 'CONFIDENTIAL' });
    const other = await matters.ok(ADMIN, UPDATE_STAFF, {
      input: { id: 'staff-legal-2', clearance: 'INTERNAL' },
    });
    expect(other.updateStaff).toMatchObject({ clearance: 'INTERNAL' });
  });
});

describe('unknown people and people who have left', () => {
  it('are not made responsible for a matter, nor unknown divisions given one', async () => {
    const message = await refused(
      OFFICE_LEADER,
      CREATE,
      newMatter({
        coDivisionIds: ['div-research', 'div-nope'],
        responsibleStaffIds: [LEFT_GENERAL, 'staff-nope'],
      }),
      'BAD_USER_INPUT',
    );
    expect(message).toBe(
      '找不到处室“div-nope”；郑雨桐已离职，不能作为责任人；找不到工作人员“staff-nope”',
    );
  });

  it('are not made responsible for a sub-matter', async () => {
    const parent = await assign(matters);
    await step(matters, 'ACCEPT', parent.id);
    const message = await refused(
      HEAD,
      SPLIT,
      {
        parentId: parent.id,
        leadDivisionId: 'div-research',
        title: '提供调研数据',
        responsibleStaffIds: [LEFT_RESEARCH],
        deadline: hoursFromStart(24 * 5),
      },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('吕思远已离职，不能作为责任人');
  });

  it('are not asked to resolve a difficulty', async () => {
    const { raiseDifficulty } = await matters.ok(HEAD, RAISE, { input: { title: '缺少经费' } });
    const input = { id: raiseDifficulty.id };
    expect(
      await refused(
        OFFICE_LEADER,
        ASSIGN_RESOLVER,
        { ...input, resolverStaffId: LEFT_GENERAL },
        'BAD_USER_INPUT',
      ),
    ).toBe('郑雨桐已离职，不能协调该困难');
    expect(
      await refused(
        OFFICE_LEADER,
        ASSIGN_RESOLVER,
        { ...input, resolverStaffId: 'staff-nope' },
        'BAD_USER_INPUT',
      ),
    ).toBe('找不到工作人员“staff-nope”');
  });

  it('do not sit on the coordination body', async () => {
    const message = await refused(
      'staff-director',
      SET_BODY,
      {
        name: '政务资源整合协调机构',
        leadId: OFFICE_LEADER,
        memberIds: ['staff-general-1-head', LEFT_GENERAL, 'staff-nope'],
        responsibilities: '统筹整合政务资源',
      },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('找不到以下成员：staff-nope；郑雨桐已离职，不能进入协调机构');
  });
});

describe('a matter classified above the assigner’s clearance', () => {
  it('is refused as FORBIDDEN', async () => {
    const message = await refused(
      'staff-deputy-director-1',
      CREATE,
      newMatter({ classification: 'TOP_SECRET' }),
      'FORBIDDEN',
    );
    expect(message).toBe('不能交办密级高于本人涉密等级的事项');
    const { createAssignment } = await matters.ok(
      'staff-deputy-director-1',
      `mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { classification } }`,
      { input: newMatter({ classification: 'SECRET' }) },
    );
    expect(createAssignment).toEqual({ classification: 'SECRET' });
  });
});

describe('a difficulty classified above the raiser’s clearance', () => {
  it('is refused as FORBIDDEN', async () => {
    const message = await refused(
      HEAD,
      RAISE,
      { title: '涉密经费缺口', classification: 'TOP_SECRET' },
      'FORBIDDEN',
    );
    expect(message).toBe('不能反映密级高于本人涉密等级的困难');
  });
});

describe('limits on what is stored', () => {
  it('refuses an acceptance note longer than the other long texts', async () => {
    const { id } = await assign(matters);
    const before = await everythingStored();
    const { body } = await takeStep(matters, 'ACCEPT', id, { note: '签'.repeat(5001) });
    expect(body.errors?.[0]).toMatchObject({
      message: '签收意见不能超过 5000 个字',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await everythingStored()).toEqual(before);
    expect((await step(matters, 'ACCEPT', id, { note: '签'.repeat(5000) })).status).toBe(
      'ACCEPTED',
    );
  });

  it('refuses a deadline more than ten years ahead', async () => {
    for (const deadline of ['9999-12-31T00:00:00Z', hoursFromStart(24 * 366 * 10 + 24)]) {
      const message = await refused(
        OFFICE_LEADER,
        CREATE,
        newMatter({ deadline }),
        'BAD_USER_INPUT',
      );
      expect(message).toBe('办理时限不能晚于 10 年之后');
    }
  });
});

describe('who sees a person’s clearance', () => {
  const CLEARANCES = `{ staffMembers(first: 100) { edges { node { id clearance } } } }`;

  async function clearancesSeenBy(viewer: string): Promise<Map<string, string | null>> {
    const data = await matters.ok(viewer, CLEARANCES);
    return new Map(
      data.staffMembers.edges.map(({ node }: Data) => [node.id, node.clearance] as const),
    );
  }

  it('hides everyone else’s from a liaison of another office and from ordinary staff', async () => {
    for (const viewer of [LIAISON, 'staff-secretariat-2']) {
      const seen = await clearancesSeenBy(viewer);
      expect(seen.size, viewer).toBeGreaterThan(50);
      const visible = [...seen].filter(([, clearance]) => clearance !== null).map(([id]) => id);
      expect(visible, viewer).toEqual([viewer]);
    }
    const { staffMember } = await matters.ok(
      LIAISON,
      `{ staffMember(id: "${OFFICE_LEADER}") { name clearance } }`,
    );
    expect(staffMember).toEqual({ name: expect.any(String), clearance: null });
  });

  it('shows them to office leadership, the security officer and administrators', async () => {
    for (const viewer of [OFFICE_LEADER, 'staff-confidential-security', ADMIN]) {
      const seen = await clearancesSeenBy(viewer);
      expect([...seen.values()].includes(null), viewer).toBe(false);
      expect(seen.get(LIAISON), viewer).toBe('CONFIDENTIAL');
    }
  });
});

describe('people of other offices, and matters at the wrong stage', () => {
  it('does not ask a liaison of another office to resolve a difficulty', async () => {
    const { raiseDifficulty } = await matters.ok(HEAD, RAISE, { input: { title: '缺少人手' } });
    const message = await refused(
      OFFICE_LEADER,
      ASSIGN_RESOLVER,
      { id: raiseDifficulty.id, resolverStaffId: LIAISON },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('刘晓光不是本办公厅人员，不能协调本办公厅的困难');
  });

  it('does not seat a liaison of another office on the coordination body', async () => {
    const message = await refused(
      'staff-director',
      SET_BODY,
      {
        name: '政务资源整合协调机构',
        leadId: OFFICE_LEADER,
        memberIds: ['staff-general-1-head', LIAISON],
        responsibilities: '统筹整合政务资源',
      },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('刘晓光不是本办公厅人员，不能进入协调机构');
  });

  it('refuses a difficulty on a completed or cancelled matter', async () => {
    const completed = await assign(matters);
    for (const s of ['ACCEPT', 'SUBMIT_RESULT', 'COMPLETE'] as const) {
      await step(matters, s, completed.id);
    }
    const cancelled = await assign(matters);
    await step(matters, 'CANCEL', cancelled.id);
    expect(
      await refused(
        HEAD,
        RAISE,
        { title: '缺少经费', assignmentId: completed.id },
        'BAD_USER_INPUT',
      ),
    ).toBe('事项已办结，不能再反映困难');
    expect(
      await refused(
        HEAD,
        RAISE,
        { title: '缺少经费', assignmentId: cancelled.id },
        'BAD_USER_INPUT',
      ),
    ).toBe('事项已撤销，不能再反映困难');
  });

  it('splits a sub-matter off only once the lead division has accepted the matter', async () => {
    const parent = await assign(matters);
    const split = {
      parentId: parent.id,
      leadDivisionId: 'div-research',
      title: '提供调研数据',
      deadline: hoursFromStart(24 * 5),
    };
    for (const who of [HEAD, OFFICE_LEADER]) {
      expect(await refused(who, SPLIT, split, 'BAD_USER_INPUT')).toBe(
        '主办处室签收后才能拆分协办子事项',
      );
    }
    await step(matters, 'ACCEPT', parent.id);
    expect((await matters.ok(HEAD, SPLIT, { input: split })).createSubAssignment.id).toEqual(
      expect.any(String),
    );
  });
});

describe('things that are not there', () => {
  it('are named in Chinese, whatever the step', async () => {
    const ACCEPT = `mutation($input: AssignmentStepInput!) { acceptAssignment(input: $input) { id } }`;
    expect(await refused(HEAD, ACCEPT, { id: 'nope' }, 'NOT_FOUND')).toBe('未找到交办事项“nope”');
  });
});
