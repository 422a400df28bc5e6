import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsForStaff, demoDivisions, demoUsers } from '@heli/demo-data';
import { responsibilityPart } from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

describe('the demo organisation through the gateway', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack([responsibilityPart()]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lists the demo divisions with their heads for the office director', async () => {
    const res = await stack.query(
      '{ divisions(first: 50) { totalCount edges { node { id name kind head { name } } } } }',
      undefined,
      claimsForStaff(demoUsers.director),
    );
    expect(res.body.errors).toBeUndefined();
    const divisions = (
      res.body.data as {
        divisions: {
          totalCount: number;
          edges: {
            node: { id: string; name: string; kind: string; head: { name: string } | null };
          }[];
        };
      }
    ).divisions;
    expect(divisions.totalCount).toBe(demoDivisions.length);
    expect(divisions.edges.map((e) => e.node.name)).toEqual(
      expect.arrayContaining(['秘书处', '综合一处', '督查室']),
    );
    expect(divisions.edges.find((e) => e.node.kind === 'SECRETARIAT')?.node.name).toBe('秘书处');
    expect(divisions.edges.every((e) => e.node.head !== null)).toBe(true);
  });

  it('answers `me` with the caller taken from the token the gateway forwarded', async () => {
    const res = await stack.query(
      '{ me { id name roles division { name } } }',
      undefined,
      claimsForStaff(demoUsers['secretariat-head']),
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toMatchObject({
      me: { id: demoUsers['secretariat-head'], division: { name: '秘书处' } },
    });
  });

  it('refuses an anonymous caller at the gateway with 401', async () => {
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ divisions(first: 1) { totalCount } }' }),
    });
    expect(res.status).toBe(401);
  });
});
