import { demoDivisions, demoOffices, demoStaff } from '@heli/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startResponsibility, type Responsibility } from './responsibility-harness.js';

let responsibility: Responsibility;

beforeAll(async () => {
  responsibility = await startResponsibility({ loadDemoData: true });
});

afterAll(async () => {
  await responsibility?.close();
});

const ENTITIES = `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Office { id shortName }
      ... on Division { id name }
      ... on Staff { id name title }
    }
  }`;

const ORGANISATION = ['offices', 'divisions', 'staff', 'coordination_bodies'];

/** Counts the `find` commands the service sends per collection while `run` runs. */
async function countingFinds<T>(run: () => Promise<T>) {
  const finds: Record<string, number> = {};
  const conn = responsibility.runtime.conn;
  conn.set('debug', (collection: string, method: string) => {
    // The outbox relay polls its own collection meanwhile; only the organisation counts here.
    if (method === 'find' && ORGANISATION.includes(collection)) {
      finds[collection] = (finds[collection] ?? 0) + 1;
    }
  });
  try {
    return { result: await run(), finds };
  } finally {
    conn.set('debug', false);
  }
}

describe('federation entities', () => {
  const offices = demoOffices.slice(0, 3);
  const divisions = demoDivisions.slice(0, 5);
  const staff = demoStaff.slice(0, 8);

  it('resolves offices, divisions and staff by id in the order asked, one query per type', async () => {
    const representations = [
      ...staff.map(({ id }) => ({ __typename: 'Staff', id })),
      ...divisions.map(({ id }) => ({ __typename: 'Division', id })),
      ...offices.map(({ id }) => ({ __typename: 'Office', id })),
    ];
    const {
      result: { body },
      finds,
    } = await countingFinds(() => responsibility.as('analyst', ENTITIES, { representations }));

    expect(body.errors).toBeUndefined();
    expect(body.data?.['_entities']).toEqual([
      ...staff.map(({ id, name, title }) => ({ __typename: 'Staff', id, name, title })),
      ...divisions.map(({ id, name }) => ({ __typename: 'Division', id, name })),
      ...offices.map(({ id, shortName }) => ({ __typename: 'Office', id, shortName })),
    ]);
    expect(finds).toEqual({ staff: 1, divisions: 1, offices: 1 });
  });

  it('answers null for an entity that does not exist, keeping the others', async () => {
    const { body } = await responsibility.as('analyst', ENTITIES, {
      representations: [
        { __typename: 'Division', id: 'div-legal' },
        { __typename: 'Division', id: 'div-nowhere' },
      ],
    });
    expect(body.data?.['_entities']).toEqual([
      { __typename: 'Division', id: 'div-legal', name: '法规室' },
      null,
    ]);
  });

  it('publishes Office, Division and Staff as entities in its subgraph SDL', async () => {
    const { body } = await responsibility.as<{ _service: { sdl: string } }>(
      'analyst',
      '{ _service { sdl } }',
    );
    const sdl = body.data?._service.sdl ?? '';
    for (const entity of ['Office', 'Division', 'Staff']) {
      expect(sdl).toMatch(new RegExp(`type ${entity}\\s+@key\\(fields: "id"\\)`));
    }
  });
});
