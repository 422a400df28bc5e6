import { demoDivisions, demoStaff } from '@heli/demo-data';
import type { mongo } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentRecord } from '../src/assignments/assignment.model.js';
import {
  assign,
  hoursFromStart,
  startMatters,
  type Data,
  type Matters,
} from './matters-harness.js';

let matters: Matters;

beforeAll(async () => {
  // Ten divisions with their people and matters, each with its own lists: this test is about
  // batching, not about the cost limit.
  matters = await startMatters({ monitorCommands: true, env: { MAX_COST: '1000000' } });
  await seed(60);
});

afterAll(async () => {
  await matters?.close();
});

const LIST_COLLECTIONS = ['assignments', 'divisions', 'staff', 'progress_reports', 'offices'];
const DIRECTOR = 'staff-director';

async function countingCommands<T>(run: () => Promise<T>) {
  const client = matters.conn.getClient();
  const dbName = matters.conn.db!.databaseName;
  const counted: string[] = [];
  const listener = (event: mongo.CommandStartedEvent) => {
    const collection = event.command[event.commandName];
    if (event.databaseName === dbName && LIST_COLLECTIONS.includes(collection)) {
      counted.push(`${event.commandName} ${collection}`);
    }
  };
  client.on('commandStarted', listener);
  try {
    return { result: await run(), commands: counted.sort() };
  } finally {
    client.off('commandStarted', listener);
  }
}

/** `count` matters spread over the demo divisions: led by one, co-organised by another. */
async function seed(count: number) {
  const template = await matters.models.assignments
    .findById((await assign(matters)).id)
    .lean<AssignmentRecord>();
  const copies = Array.from({ length: count }, (_, i) => {
    const lead = demoDivisions[i % demoDivisions.length]!;
    const co = demoDivisions[(i + 3) % demoDivisions.length]!;
    const responsible = demoStaff.find((s) => s.divisionId === lead.id) ?? demoStaff[0]!;
    return {
      ...template!,
      _id: `assignment-nested-${i}`,
      title: `事项 ${i}`,
      sourceRef: null,
      leadDivisionId: lead.id,
      coDivisionIds: [co.id],
      responsibleStaffIds: [responsible.id],
      deadline: new Date(hoursFromStart(24 * (1 + (i % 17)))),
    };
  });
  await matters.models.assignments.insertMany(copies);
  await matters.models.assignments.deleteMany({ _id: template!._id });
}

const NESTED = `query Nested($divisions: Int!) {
  divisions(first: $divisions) { edges { node {
    id
    staff(first: 2) { totalCount edges { node { id assignments(first: 2) { totalCount edges { node { id } } } } } }
    assignments(first: 3) { totalCount edges { node { id progressReports(first: 2) { edges { node { id } } } } } }
  } } }
  offices(first: 20) { edges { node { id divisions(first: 4) { totalCount edges { node { id } } } } } }
}`;

const ids = (connection: Data) => connection.edges.map((edge: Data) => edge.node.id);

describe('nested lists under every item of a list', () => {
  it('cost the same database commands for 2 divisions as for 10, and give what the top-level lists give', async () => {
    const few = await countingCommands(() => matters.ok(DIRECTOR, NESTED, { divisions: 2 }));
    const all = await countingCommands(() => matters.ok(DIRECTOR, NESTED, { divisions: 10 }));
    expect(few.result.divisions.edges).toHaveLength(2);
    expect(all.result.divisions.edges).toHaveLength(10);
    expect(all.commands).toEqual(few.commands);
    // A page of divisions, offices; one aggregation per nested list (staff, assignments of the
    // divisions, assignments of the people, progress reports, divisions of the offices); and
    // the caller's look-up in the staff register.
    expect(all.commands).toEqual([
      'aggregate assignments',
      'aggregate assignments',
      'aggregate divisions',
      'aggregate progress_reports',
      'aggregate staff',
      'find divisions',
      'find offices',
      'find staff',
    ]);

    for (const { node: division } of all.result.divisions.edges) {
      const alone = await matters.ok(
        DIRECTOR,
        `query One($id: ID!) {
          assignments(filter: { divisionId: $id }, first: 3) { totalCount edges { node { id } } }
          staffMembers(divisionId: $id, first: 2) { totalCount edges { node { id } } }
        }`,
        { id: division.id },
      );
      expect(ids(division.assignments)).toEqual(ids(alone.assignments));
      expect(division.assignments.totalCount).toBe(alone.assignments.totalCount);
      expect(ids(division.staff)).toEqual(ids(alone.staffMembers));
      expect(division.staff.totalCount).toBe(alone.staffMembers.totalCount);
      for (const { node: person } of division.staff.edges) {
        const theirs = await matters.ok(
          DIRECTOR,
          `query Theirs($id: ID!) {
            assignments(filter: { responsibleStaffId: $id }, first: 2) { totalCount edges { node { id } } }
          }`,
          { id: person.id },
        );
        expect(ids(person.assignments)).toEqual(ids(theirs.assignments));
        expect(person.assignments.totalCount).toBe(theirs.assignments.totalCount);
      }
    }
    // Every division leads six matters and co-organises six more.
    expect(all.result.divisions.edges[0].node.assignments.totalCount).toBe(12);
    const ownOffice = demoDivisions[0]!.officeId;
    for (const { node: office } of all.result.offices.edges) {
      const alone = await matters.ok(
        DIRECTOR,
        `query Its($id: ID!) { divisions(officeId: $id, first: 4) { totalCount edges { node { id } } } }`,
        { id: office.id },
      );
      expect(ids(office.divisions)).toEqual(ids(alone.divisions));
      expect(office.divisions.totalCount).toBe(alone.divisions.totalCount);
    }
    expect(
      all.result.offices.edges.find((e: Data) => e.node.id === ownOffice).node.divisions.totalCount,
    ).toBe(demoDivisions.filter((d) => d.officeId === ownOffice).length);
  });

  it('pages a nested list after a cursor on its own, from where that parent left off', async () => {
    const query = `query Pages($after: String) {
      divisions(first: 1) { edges { node { assignments(first: 4, after: $after) {
        edges { node { id } } pageInfo { endCursor hasNextPage }
      } } } }
    }`;
    const first = await matters.ok(DIRECTOR, query, {});
    const page1 = first.divisions.edges[0].node.assignments;
    const second = await matters.ok(DIRECTOR, query, { after: page1.pageInfo.endCursor });
    const page2 = second.divisions.edges[0].node.assignments;
    const whole = await matters.ok(
      DIRECTOR,
      `{ assignments(filter: { divisionId: "${demoDivisions[0]!.id}" }, first: 8) { edges { node { id } } } }`,
    );
    expect([...ids(page1), ...ids(page2)]).toEqual(ids(whole.assignments));
  });
});
