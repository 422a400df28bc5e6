import { demoDivisions, demoOffices, demoStaff, demoUsers } from '@heli/demo-data';
import { graphql, tokenFor } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startResponsibility, type Responsibility } from './responsibility-harness.js';

let responsibility: Responsibility;

beforeAll(async () => {
  responsibility = await startResponsibility({ loadDemoData: true });
});

afterAll(async () => {
  await responsibility?.close();
});

interface Page<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

describe('divisions', () => {
  const DIVISIONS = `
    query Divisions($after: String) {
      divisions(officeId: "office-harbin", first: 4, after: $after) {
        totalCount
        edges { cursor node { id name kind office { shortName } head { name title } } }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }`;

  it('pages through every division of the office in the order the office lists them', async () => {
    const pages: Page<{ id: string; name: string }>[] = [];
    let after: string | null = null;
    do {
      const { body } = await responsibility.as<{ divisions: Page<{ id: string; name: string }> }>(
        'staff',
        DIVISIONS,
        { after },
      );
      expect(body.errors).toBeUndefined();
      const page: Page<{ id: string; name: string }> = body.data!.divisions;
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);

    expect(pages.map((page) => page.edges.length)).toEqual([4, 4, 2]);
    expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    expect(pages.every((page) => page.totalCount === demoDivisions.length)).toBe(true);
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.name))).toEqual(
      demoDivisions.map((division) => division.name),
    );
  });

  it('resolves a division with its office, head and staff', async () => {
    const { body } = await responsibility.as(
      'staff',
      `{ division(id: "div-secretariat") {
          name kind office { name kind } head { id name title }
          staff(first: 10) { totalCount edges { node { name title roles clearance } } }
        } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      division: {
        name: '秘书处',
        kind: 'SECRETARIAT',
        office: { name: '中共哈尔滨市委办公厅', kind: 'OWN' },
        head: { id: 'staff-secretariat-head', name: '马俊峰', title: '处长' },
        staff: {
          totalCount: 5,
          edges: demoStaff
            .filter((staff) => staff.divisionId === 'div-secretariat')
            // A colleague's clearance is not theirs to see; their own is.
            .map(({ id, name, title, roles, clearance }) => ({
              node: { name, title, roles, clearance: id === demoUsers.staff ? clearance : null },
            })),
        },
      },
    });
  });

  it('filters by kind', async () => {
    const { body } = await responsibility.as<{ divisions: Page<{ name: string }> }>(
      'staff',
      `{ divisions(kind: SECRETARIAT) { totalCount edges { node { name } } } }`,
    );
    expect(body.data?.divisions.edges.map((edge) => edge.node.name)).toEqual(['秘书处']);
  });

  it('answers null for a division that does not exist', async () => {
    const { body } = await responsibility.as('staff', `{ division(id: "div-nowhere") { id } }`);
    expect(body).toEqual({ data: { division: null } });
  });

  it('refuses a cursor it did not issue', async () => {
    const { body } = await responsibility.as('staff', DIVISIONS, { after: 'not-a-cursor' });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('offices', () => {
  it('lists offices of one kind with their parent', async () => {
    const { body } = await responsibility.as<{
      offices: Page<{ shortName: string; parent: { shortName: string } | null }>;
    }>(
      'staff',
      `{ offices(kind: LOWER, first: 100) { totalCount edges { node { shortName parent { shortName } } } } }`,
    );
    const lower = demoOffices.filter((office) => office.kind === 'LOWER');
    expect(body.data?.offices.totalCount).toBe(lower.length);
    expect(body.data?.offices.edges.map((edge) => edge.node)).toEqual(
      lower.map((office) => ({ shortName: office.shortName, parent: { shortName: '市委办公厅' } })),
    );
  });

  it('resolves an office with its parent and its divisions', async () => {
    const { body } = await responsibility.as(
      'staff',
      `{ office(id: "office-harbin") {
          name kind parent { name kind parent { name } }
          divisions(kind: DIVISION, first: 2) { totalCount edges { node { name } } pageInfo { hasNextPage } }
        } }`,
    );
    expect(body.data).toEqual({
      office: {
        name: '中共哈尔滨市委办公厅',
        kind: 'OWN',
        parent: { name: '中共黑龙江省委办公厅', kind: 'HIGHER', parent: null },
        divisions: {
          totalCount: demoDivisions.length - 1,
          edges: [{ node: { name: '综合一处' } }, { node: { name: '综合二处' } }],
          pageInfo: { hasNextPage: true },
        },
      },
    });
  });
});

describe('staff', () => {
  it('finds staff by role', async () => {
    const { body } = await responsibility.as<{ staffMembers: Page<{ id: string }> }>(
      'staff',
      `{ staffMembers(role: DIVISION_HEAD, first: 50) { totalCount edges { node { id } } } }`,
    );
    expect(body.data?.staffMembers.edges.map((edge) => edge.node.id)).toEqual(
      demoStaff.filter((staff) => staff.roles.includes('DIVISION_HEAD')).map((staff) => staff.id),
    );
  });

  it('searches names and titles, within a division', async () => {
    const { body } = await responsibility.as<{
      staffMembers: Page<{ name: string; title: string }>;
    }>(
      'staff',
      `{ staffMembers(divisionId: "div-confidential", search: "保密员") { edges { node { name title } } } }`,
    );
    expect(body.data?.staffMembers.edges.map((edge) => edge.node)).toEqual([
      { name: '余海峰', title: '一级主任科员（保密员）' },
    ]);
  });

  it('resolves a staff member with office and division, and null division for leadership', async () => {
    // As the security officer, who keeps clearances: staff do not see other people's.
    const { body } = await responsibility.as(
      'security',
      `{ head: staffMember(id: "staff-legal-head") { name office { shortName } division { name } active }
         director: staffMember(id: "staff-director") { title roles clearance phone division { name } } }`,
    );
    expect(body.data).toEqual({
      head: {
        name: '杜明哲',
        office: { shortName: '市委办公厅' },
        division: { name: '法规室' },
        active: true,
      },
      director: {
        title: '市委副秘书长、办公厅主任',
        roles: ['OFFICE_LEADER'],
        clearance: 'TOP_SECRET',
        phone: '0451-84670001',
        division: null,
      },
    });
  });
});

describe('coordination body', () => {
  it('is led by the executive deputy director with the division heads as members', async () => {
    const { body } = await responsibility.as<{
      coordinationBody: {
        name: string;
        lead: { title: string };
        members: { id: string }[];
        responsibilities: string;
        office: { kind: string };
      };
    }>(
      'staff',
      `{ coordinationBody { name office { kind } lead { title } members { id } responsibilities } }`,
    );
    expect(body.errors).toBeUndefined();
    const coordinationBody = body.data!.coordinationBody;
    expect(coordinationBody).toMatchObject({
      name: '政务资源整合协调机构',
      office: { kind: 'OWN' },
      lead: { title: '办公厅常务副主任' },
    });
    expect(coordinationBody.members.map((member) => member.id)).toEqual(
      demoDivisions.map((division) => division.headId),
    );
    expect(coordinationBody.responsibilities).toContain('设计者');
  });
});

describe('me', () => {
  it('is the staff member the token belongs to', async () => {
    const { body } = await responsibility.as(
      'security',
      `{ me { id name roles division { name } } }`,
    );
    expect(body.data).toEqual({
      me: {
        id: demoUsers.security,
        name: '余海峰',
        roles: ['STAFF', 'SECURITY_OFFICER'],
        division: { name: '机要处' },
      },
    });
  });

  it('is null for a valid token of someone with no staff record', async () => {
    const token = await tokenFor({ sub: 'staff-unknown' });
    const { body } = await graphql(responsibility.url, '{ me { id } }', {}, token);
    expect(body).toEqual({ data: { me: null } });
  });
});

describe('without a token', () => {
  it('answers 401 and gives nothing away', async () => {
    const { status, body } = await graphql(responsibility.url, '{ divisions { totalCount } }');
    expect(status).toBe(401);
    expect(body.data ?? null).toBeNull();
  });
});
