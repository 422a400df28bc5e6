import type { mongo } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentRecord } from '../src/assignments/assignment.model.js';
import { assign, startMatters, type Matters, type Data } from './matters-harness.js';
import { RESPONSIBLE, step } from './matter-steps.js';

let matters: Matters;

beforeAll(async () => {
  // Two pages of 100 matters with all their relations cost more than a request may: this test
  // is about batching, not about the limits.
  matters = await startMatters({ monitorCommands: true, env: { MAX_COST: '100000' } });
});

afterAll(async () => {
  await matters?.close();
});

const WORK_COLLECTIONS = ['assignments', 'divisions', 'staff', 'progress_reports'];

/** Counts the commands the service sends to the collections a matter list reads, while `run` runs. */
async function countingCommands<T>(run: () => Promise<T>) {
  const client = matters.conn.getClient();
  const dbName = matters.conn.db!.databaseName;
  const counted: string[] = [];
  const listener = (event: mongo.CommandStartedEvent) => {
    const collection = event.command[event.commandName];
    // The outbox relay polls its own collection meanwhile; only the list's reads count here.
    if (event.databaseName === dbName && WORK_COLLECTIONS.includes(collection)) {
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

/** Seeds `count` matters directly (half ASSIGNED, half IN_PROGRESS with a progress report). */
async function seed(count: number, tag: string) {
  const template = await matters.models.assignments
    .findById((await assign(matters)).id)
    .lean<AssignmentRecord>();
  const withReport = await assign(matters);
  await step(matters, 'ACCEPT', withReport.id);
  await step(matters, 'REPORT_PROGRESS', withReport.id, { as: RESPONSIBLE });
  const reported = await matters.models.assignments
    .findById(withReport.id)
    .lean<AssignmentRecord>();
  const copies = Array.from({ length: count }, (_, i) => {
    const source = i % 2 === 0 ? template! : reported!;
    return { ...source, _id: `assignment-${tag}-${i}`, title: `${tag} 事项 ${i}`, sourceRef: null };
  });
  await matters.models.assignments.insertMany(copies);
  await matters.models.assignments.deleteMany({ _id: { $in: [template!._id, reported!._id] } });
}

const LIST = `query List($open: AssignmentFilter, $working: AssignmentFilter) {
  open: assignments(filter: $open, first: 100) { edges { node { ...Listed } } }
  working: assignments(filter: $working, first: 100) { edges { node { ...Listed } } }
}
fragment Listed on Assignment {
  id title
  leadDivision { id name }
  coDivisions { id name }
  responsibleStaff { id name }
  latestProgressReport { id percent text }
}`;

async function listAll(tag: string) {
  return countingCommands(() =>
    matters
      .ok('staff-director', LIST, {
        open: { status: ['ASSIGNED'] },
        working: { status: ['IN_PROGRESS'] },
      })
      .then((data) => {
        const nodes = [...data.open.edges, ...data.working.edges].map((e: Data) => e.node);
        return nodes.filter((node: Data) => node.title.startsWith(tag));
      }),
  );
}

describe('listing matters with their divisions, staff and latest report', () => {
  it('sends the same MongoDB commands for 200 matters as for 20: every relation is batched', async () => {
    await seed(20, 'small');
    const small = await listAll('small');
    expect(small.result).toHaveLength(20);
    expect(small.result.find((node: Data) => node.latestProgressReport)).toMatchObject({
      leadDivision: { id: 'div-general-1', name: '综合一处' },
      coDivisions: [{ id: 'div-research', name: '调研室' }],
      responsibleStaff: [{ id: 'staff-general-1-1', name: '宋志刚' }],
      latestProgressReport: { percent: 40, text: '已完成调研提纲' },
    });

    await matters.models.assignments.deleteMany({});
    await seed(200, 'large');
    const large = await listAll('large');
    expect(large.result).toHaveLength(200);
    expect(large.result.every((node: Data) => node.leadDivision.name === '综合一处')).toBe(true);
    expect(
      large.result.filter((node: Data) => node.latestProgressReport?.percent === 40),
    ).toHaveLength(100);

    expect(large.commands).toEqual(small.commands);
    // Two pages (a find each; no count, as totalCount is not asked for), then one find per
    // relation for both pages together, and
    // one look-up of the caller in the staff register (`currentViewer`).
    expect(large.commands).toEqual([
      'find assignments',
      'find assignments',
      'find divisions',
      'find progress_reports',
      'find staff',
      'find staff',
    ]);
  });
});
