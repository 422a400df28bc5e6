import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  responsibilityEvents,
  startResponsibility,
  type Responsibility,
} from './responsibility-harness.js';

/**
 * Every admin mutation against an organisation built here through the mutations themselves
 * (no demo data): the happy path and its event, then each refusal, which must leave the
 * database and the outbox exactly as they were.
 */
let responsibility: Responsibility;
const ids = {
  province: '',
  own: '',
  district: '',
  general: '',
  secretariat: '',
  head: '',
  clerk: '',
  leader: '',
};

const CREATE_OFFICE = `mutation($input: CreateOfficeInput!) {
  createOffice(input: $input) { id name shortName kind parent { id } } }`;
const UPDATE_OFFICE = `mutation($input: UpdateOfficeInput!) {
  updateOffice(input: $input) { id name shortName kind parent { id } } }`;
const CREATE_DIVISION = `mutation($input: CreateDivisionInput!) {
  createDivision(input: $input) { id name kind office { id } head { id } } }`;
const UPDATE_DIVISION = `mutation($input: UpdateDivisionInput!) {
  updateDivision(input: $input) { id name kind head { id name } } }`;
const CREATE_STAFF = `mutation($input: CreateStaffInput!) {
  createStaff(input: $input) { id name title office { id } division { id } roles clearance phone active } }`;
const UPDATE_STAFF = `mutation($input: UpdateStaffInput!) {
  updateStaff(input: $input) { id name title office { id } division { id } roles clearance phone active } }`;
const SET_COORDINATION_BODY = `mutation($input: SetCoordinationBodyInput!) {
  setCoordinationBody(input: $input) { id name office { id } lead { id } members { id } responsibilities } }`;

/** Runs a mutation as the admin and returns its single result field, failing on any error. */
async function adminDoes<T = Record<string, unknown>>(
  mutation: string,
  input: Record<string, unknown>,
): Promise<T> {
  const { body } = await responsibility.as('admin', mutation, { input });
  expect(body.errors).toBeUndefined();
  return Object.values(body.data ?? {})[0] as T;
}

/**
 * Everything the service stores, to show a refused mutation changed nothing. Outbox records are
 * compared by id only: the relay marks them published in the background.
 */
async function everythingStored() {
  const conn = responsibility.runtime.conn;
  const collections = ['offices', 'divisions', 'staff', 'coordination_bodies'];
  const stored = await Promise.all(
    collections.map(async (name) => [
      name,
      await conn.collection(name).find().sort({ _id: 1 }).toArray(),
    ]),
  );
  const eventIds = (await responsibility.outboxEvents()).map((event) => event.id).sort();
  return { ...Object.fromEntries(stored), eventIds };
}

/** Runs a mutation expected to be refused with `code`; returns the message. */
async function refused(
  user: Parameters<Responsibility['as']>[0],
  mutation: string,
  input: Record<string, unknown>,
  code: string,
): Promise<string> {
  const before = await everythingStored();
  const { body } = await responsibility.as(user, mutation, { input });
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0]?.extensions?.code).toBe(code);
  expect(await everythingStored()).toEqual(before);
  return body.errors![0]!.message;
}

beforeAll(async () => {
  responsibility = await startResponsibility({ loadDemoData: false });
  type Created = { id: string };
  ids.province = (
    await adminDoes<Created>(CREATE_OFFICE, {
      name: '中共黑龙江省委办公厅',
      shortName: '省委办公厅',
      kind: 'HIGHER',
    })
  ).id;
  ids.own = (
    await adminDoes<Created>(CREATE_OFFICE, {
      name: '中共哈尔滨市委办公厅',
      shortName: '市委办公厅',
      kind: 'OWN',
      parentId: ids.province,
    })
  ).id;
  ids.district = (
    await adminDoes<Created>(CREATE_OFFICE, {
      name: '中共哈尔滨市道里区委办公室',
      shortName: '道里区委办公室',
      kind: 'LOWER',
      parentId: ids.own,
    })
  ).id;
  ids.general = (
    await adminDoes<Created>(CREATE_DIVISION, { officeId: ids.own, name: '综合一处' })
  ).id;
  ids.secretariat = (
    await adminDoes<Created>(CREATE_DIVISION, {
      officeId: ids.own,
      name: '秘书处',
      kind: 'SECRETARIAT',
    })
  ).id;
  ids.head = (
    await adminDoes<Created>(CREATE_STAFF, {
      name: '高振宇',
      title: '处长',
      divisionId: ids.general,
      roles: ['DIVISION_HEAD'],
      clearance: 'SECRET',
    })
  ).id;
  ids.clerk = (
    await adminDoes<Created>(CREATE_STAFF, {
      name: '郑雨桐',
      title: '科员',
      divisionId: ids.general,
      roles: ['STAFF'],
      clearance: 'INTERNAL',
    })
  ).id;
  ids.leader = (
    await adminDoes<Created>(CREATE_STAFF, {
      name: '李振华',
      title: '办公厅常务副主任',
      officeId: ids.own,
      roles: ['OFFICE_LEADER'],
      clearance: 'TOP_SECRET',
    })
  ).id;
});

afterAll(async () => {
  await responsibility?.close();
});

describe('createOffice', () => {
  it('creates an office and records organisation.office.created in the same transaction', async () => {
    const office = await adminDoes(CREATE_OFFICE, {
      name: '  哈尔滨市妇女联合会 ',
      shortName: '市妇联',
      kind: 'EXTERNAL',
    });
    expect(office).toEqual({
      id: expect.stringMatching(/^office-/),
      name: '哈尔滨市妇女联合会',
      shortName: '市妇联',
      kind: 'EXTERNAL',
      parent: null,
    });
    const events = await responsibility.outboxEvents(responsibilityEvents.officeCreated);
    expect(events.filter((event) => event.subject === office['id'])).toEqual([
      expect.objectContaining({
        source: 'responsibility',
        data: { officeId: office['id'], name: '哈尔滨市妇女联合会', kind: 'EXTERNAL' },
      }),
    ]);
  });

  it('links a lower office to its parent', async () => {
    const { body } = await responsibility.as(
      'staff',
      `query($id: ID!) { office(id: $id) { kind parent { shortName } } }`,
      { id: ids.district },
    );
    expect(body.data).toEqual({ office: { kind: 'LOWER', parent: { shortName: '市委办公厅' } } });
  });

  it('refuses a name another office has', async () => {
    const message = await refused(
      'admin',
      CREATE_OFFICE,
      { name: '中共哈尔滨市委办公厅', shortName: '重复', kind: 'PARTNER' },
      'CONFLICT',
    );
    expect(message).toBe('已有名为“中共哈尔滨市委办公厅”的单位');
  });

  it('refuses a second own office', async () => {
    const message = await refused(
      'admin',
      CREATE_OFFICE,
      { name: '另一个办公厅', shortName: '另一个', kind: 'OWN' },
      'CONFLICT',
    );
    expect(message).toBe('本级办公厅只能有一个，已有“中共哈尔滨市委办公厅”');
  });

  it('refuses an unknown parent', async () => {
    const message = await refused(
      'admin',
      CREATE_OFFICE,
      { name: '南岗区委办公室', shortName: '南岗', kind: 'LOWER', parentId: 'office-nowhere' },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('找不到上级单位“office-nowhere”');
  });

  it('names every problem with the input at once', async () => {
    const message = await refused(
      'admin',
      CREATE_OFFICE,
      { name: ' ', shortName: '', kind: 'PARTNER' },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('单位名称不能为空；单位简称不能为空');
  });

  it('is for administrators only, office leadership included', async () => {
    const message = await refused(
      'director',
      CREATE_OFFICE,
      { name: '市委组织部办公室', shortName: '组织部', kind: 'PARTNER' },
      'FORBIDDEN',
    );
    expect(message).toBe('只有系统管理员（ADMIN）可以维护单位、处室和人员');
  });
});

describe('updateOffice', () => {
  it('changes only the given fields and records which ones changed', async () => {
    const office = await adminDoes(UPDATE_OFFICE, { id: ids.district, shortName: '道里区委办' });
    expect(office).toEqual({
      id: ids.district,
      name: '中共哈尔滨市道里区委办公室',
      shortName: '道里区委办',
      kind: 'LOWER',
      parent: { id: ids.own },
    });
    const events = await responsibility.outboxEvents(responsibilityEvents.officeUpdated);
    expect(events.filter((event) => event.subject === ids.district).map((e) => e.data)).toEqual([
      {
        officeId: ids.district,
        name: '中共哈尔滨市道里区委办公室',
        kind: 'LOWER',
        changedFields: ['shortName'],
      },
    ]);
  });

  it('writes and announces nothing when nothing changes', async () => {
    const before = await everythingStored();
    await adminDoes(UPDATE_OFFICE, { id: ids.district, shortName: '道里区委办', kind: 'LOWER' });
    expect(await everythingStored()).toEqual(before);
  });

  it('refuses a parent that would make the hierarchy a loop', async () => {
    const message = await refused(
      'admin',
      UPDATE_OFFICE,
      { id: ids.province, parentId: ids.district },
      'BAD_USER_INPUT',
    );
    expect(message).toBe(
      '不能把“中共哈尔滨市道里区委办公室”设为上级单位，否则会形成循环：' +
        '中共黑龙江省委办公厅 → 中共哈尔滨市道里区委办公室 → 中共哈尔滨市委办公厅 → 中共黑龙江省委办公厅',
    );
  });

  it('keeps the own office of kind OWN', async () => {
    const message = await refused(
      'admin',
      UPDATE_OFFICE,
      { id: ids.own, kind: 'PARTNER' },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('本级办公厅的类型不能更改');
  });

  it('says which office it cannot find', async () => {
    const message = await refused(
      'admin',
      UPDATE_OFFICE,
      { id: 'office-nowhere', name: '无' },
      'NOT_FOUND',
    );
    expect(message).toBe('未找到单位“office-nowhere”');
  });
});

describe('createDivision and updateDivision', () => {
  it('creates a division without a head and records organisation.division.created', async () => {
    const division = await adminDoes(CREATE_DIVISION, { officeId: ids.district, name: '综合一处' });
    expect(division).toEqual({
      id: expect.stringMatching(/^division-/),
      name: '综合一处',
      kind: 'DIVISION',
      office: { id: ids.district },
      head: null,
    });
    const events = await responsibility.outboxEvents(responsibilityEvents.divisionCreated);
    expect(events.find((event) => event.subject === division['id'])?.data).toEqual({
      divisionId: division['id'],
      officeId: ids.district,
      name: '综合一处',
      kind: 'DIVISION',
      headStaffId: null,
    });
  });

  it('refuses a name the office already uses', async () => {
    const message = await refused(
      'admin',
      CREATE_DIVISION,
      { officeId: ids.own, name: '综合一处' },
      'CONFLICT',
    );
    expect(message).toBe('本单位已有名为“综合一处”的处室');
  });

  it('refuses a second secretariat', async () => {
    const message = await refused(
      'admin',
      CREATE_DIVISION,
      { officeId: ids.own, name: '第二秘书处', kind: 'SECRETARIAT' },
      'CONFLICT',
    );
    expect(message).toBe('一个单位只能有一个秘书处，已有“秘书处”');
  });

  it('refuses an unknown office', async () => {
    const message = await refused(
      'admin',
      CREATE_DIVISION,
      { officeId: 'office-nowhere', name: '信息处' },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('找不到单位“office-nowhere”');
  });

  it('appoints a head from the division and records the change', async () => {
    const division = await adminDoes(UPDATE_DIVISION, { id: ids.general, headId: ids.head });
    expect(division).toEqual({
      id: ids.general,
      name: '综合一处',
      kind: 'DIVISION',
      head: { id: ids.head, name: '高振宇' },
    });
    const events = await responsibility.outboxEvents(responsibilityEvents.divisionUpdated);
    expect(events.filter((e) => e.subject === ids.general).map((e) => e.data)).toEqual([
      expect.objectContaining({ headStaffId: ids.head, changedFields: ['headId'] }),
    ]);
  });

  it('refuses a head from outside the division', async () => {
    const message = await refused(
      'admin',
      UPDATE_DIVISION,
      { id: ids.secretariat, headId: ids.head },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('高振宇不是本处室人员，不能担任处室负责人');
  });

  it('is for administrators only', async () => {
    await refused(
      'division-head',
      UPDATE_DIVISION,
      { id: ids.general, name: '综合处' },
      'FORBIDDEN',
    );
  });
});

describe('createStaff and updateStaff', () => {
  it('places a new staff member in the office of their division and records it', async () => {
    const staff = await adminDoes(CREATE_STAFF, {
      name: '林佳怡',
      title: '科员',
      divisionId: ids.secretariat,
      roles: ['STAFF', 'STAFF'],
      clearance: 'INTERNAL',
      phone: ' 0451-84670109 ',
    });
    expect(staff).toEqual({
      id: expect.stringMatching(/^staff-/),
      name: '林佳怡',
      title: '科员',
      office: { id: ids.own },
      division: { id: ids.secretariat },
      roles: ['STAFF'],
      clearance: 'INTERNAL',
      phone: '0451-84670109',
      active: true,
    });
    const events = await responsibility.outboxEvents(responsibilityEvents.staffCreated);
    expect(events.find((event) => event.subject === staff['id'])?.data).toEqual({
      staffId: staff['id'],
      officeId: ids.own,
      divisionId: ids.secretariat,
      name: '林佳怡',
      title: '科员',
      roles: ['STAFF'],
      clearance: 'INTERNAL',
      active: true,
    });
  });

  it('refuses an unknown division', async () => {
    const message = await refused(
      'admin',
      CREATE_STAFF,
      {
        name: '王五',
        title: '科员',
        divisionId: 'div-nowhere',
        roles: ['STAFF'],
        clearance: 'PUBLIC',
      },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('找不到处室“div-nowhere”');
  });

  it('refuses a division of another office', async () => {
    const message = await refused(
      'admin',
      CREATE_STAFF,
      {
        name: '王五',
        title: '科员',
        officeId: ids.district,
        divisionId: ids.general,
        roles: ['STAFF'],
        clearance: 'PUBLIC',
      },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('处室“综合一处”不属于所指定的单位');
  });

  it('names every problem with the input at once', async () => {
    const message = await refused(
      'admin',
      CREATE_STAFF,
      {
        name: '',
        title: '科员',
        divisionId: ids.general,
        roles: [],
        clearance: 'PUBLIC',
        phone: 'abc',
      },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('姓名不能为空；至少需要一个角色；电话号码“abc”格式不正确');
  });

  it('moves a person between divisions and marks them as having left', async () => {
    const staff = await adminDoes(UPDATE_STAFF, {
      id: ids.clerk,
      divisionId: ids.secretariat,
      active: false,
    });
    expect(staff).toMatchObject({ division: { id: ids.secretariat }, active: false });
    const events = await responsibility.outboxEvents(responsibilityEvents.staffUpdated);
    expect(events.filter((e) => e.subject === ids.clerk).map((e) => e.data)).toEqual([
      expect.objectContaining({ active: false, changedFields: ['divisionId', 'active'] }),
    ]);
  });

  it('keeps a division head in their division until replaced', async () => {
    const message = await refused(
      'admin',
      UPDATE_STAFF,
      { id: ids.head, divisionId: ids.secretariat },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('高振宇是综合一处负责人，调离前请先更换该处室负责人');
  });

  it('is for administrators only', async () => {
    await refused(
      'security',
      CREATE_STAFF,
      {
        name: '王五',
        title: '科员',
        divisionId: ids.general,
        roles: ['ADMIN'],
        clearance: 'TOP_SECRET',
      },
      'FORBIDDEN',
    );
  });
});

describe('who may change the organisation', () => {
  const attempts: [string, string, () => Record<string, unknown>][] = [
    [
      'createOffice',
      CREATE_OFFICE,
      () => ({ name: '市委统战部办公室', shortName: '统战部', kind: 'PARTNER' }),
    ],
    ['updateOffice', UPDATE_OFFICE, () => ({ id: ids.district, name: '道里' })],
    ['createDivision', CREATE_DIVISION, () => ({ officeId: ids.own, name: '信息处' })],
    ['updateDivision', UPDATE_DIVISION, () => ({ id: ids.general, headId: null })],
    [
      'createStaff',
      CREATE_STAFF,
      () => ({
        name: '王五',
        title: '科员',
        divisionId: ids.general,
        roles: ['STAFF'],
        clearance: 'PUBLIC',
      }),
    ],
    ['updateStaff', UPDATE_STAFF, () => ({ id: ids.clerk, roles: ['ADMIN'] })],
    [
      'setCoordinationBody',
      SET_COORDINATION_BODY,
      () => ({
        name: '协调机构',
        leadId: ids.leader,
        memberIds: [ids.head],
        responsibilities: '统筹',
      }),
    ],
  ];

  it.each(attempts)('refuses %s to ordinary staff', async (_name, mutation, input) => {
    await refused('staff', mutation, input(), 'FORBIDDEN');
  });
});

describe('setCoordinationBody', () => {
  const body = () => ({
    name: '政务资源整合协调机构',
    leadId: ids.leader,
    memberIds: [ids.head, ids.head, ids.leader],
    responsibilities: '统筹整合政务资源',
  });

  it('lets office leadership set it up and records organisation.coordination-body.updated', async () => {
    const { body: response } = await responsibility.as('director', SET_COORDINATION_BODY, {
      input: body(),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      setCoordinationBody: {
        id: 'coordination-body',
        name: '政务资源整合协调机构',
        office: { id: ids.own },
        lead: { id: ids.leader },
        members: [{ id: ids.head }],
        responsibilities: '统筹整合政务资源',
      },
    });
    const events = await responsibility.outboxEvents(responsibilityEvents.coordinationBodyUpdated);
    expect(events.map((event) => event.data)).toEqual([
      {
        coordinationBodyId: 'coordination-body',
        officeId: ids.own,
        name: '政务资源整合协调机构',
        leaderStaffId: ids.leader,
        memberStaffIds: [ids.head],
        changedFields: ['officeId', 'name', 'leadId', 'memberIds', 'responsibilities'],
      },
    ]);
  });

  it('writes and announces nothing when set to what it is', async () => {
    const before = await everythingStored();
    await adminDoes(SET_COORDINATION_BODY, body());
    expect(await everythingStored()).toEqual(before);
  });

  it('must be led by office leadership', async () => {
    const message = await refused(
      'admin',
      SET_COORDINATION_BODY,
      { ...body(), leadId: ids.head },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('协调机构须由厅领导牵头，高振宇不是厅领导');
  });

  it('names the members it cannot find', async () => {
    const message = await refused(
      'admin',
      SET_COORDINATION_BODY,
      { ...body(), memberIds: [ids.head, 'staff-x', 'staff-y'] },
      'BAD_USER_INPUT',
    );
    expect(message).toBe('找不到以下成员：staff-x、staff-y');
  });

  it('is refused to division heads', async () => {
    const message = await refused('division-head', SET_COORDINATION_BODY, body(), 'FORBIDDEN');
    expect(message).toBe('只有系统管理员或厅领导可以设置协调机构');
  });
});
