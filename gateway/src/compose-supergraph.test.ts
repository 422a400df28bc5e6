import { describe, expect, it } from 'vitest';
import { composeSupergraph } from './compose-supergraph.js';

const link =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

describe('composeSupergraph', () => {
  it('given an owning and an extending subgraph, when composed, then the supergraph routes each to its URL', () => {
    const result = composeSupergraph([
      {
        name: 'responsibility',
        url: 'http://127.0.0.1:4001/graphql',
        sdl: `${link} type Query { divisions: [Division!]! } type Division @key(fields: "id") { id: ID! name: String! }`,
      },
      {
        name: 'sharing',
        url: 'http://127.0.0.1:4002/graphql',
        sdl: `${link} type Division @key(fields: "id") { id: ID! documentCount: Int! }`,
      },
    ]);

    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.supergraphSdl).toContain('url: "http://127.0.0.1:4001/graphql"');
    expect(result.supergraphSdl).toContain('url: "http://127.0.0.1:4002/graphql"');
    expect(result.supergraphSdl).toMatch(/documentCount: Int! @join__field\(graph: SHARING\)/);
  });

  it('given subgraphs that disagree in several places, when composed, then every error is returned with its code', () => {
    const result = composeSupergraph([
      {
        name: 'a',
        url: 'http://a/graphql',
        sdl: `${link} type Query { x: Int } type Division @key(fields: "id") { id: ID! name: String! head: String }`,
      },
      {
        name: 'b',
        url: 'http://b/graphql',
        sdl: `${link} type Query { x: String } type Division @key(fields: "id") { id: ID! name: Int! head: Int }`,
      },
    ]);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    const codes = result.errors.map((error) => error.code);
    expect(codes.filter((code) => code === 'FIELD_TYPE_MISMATCH').length).toBeGreaterThanOrEqual(3);
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(
      /Query\.x[\s\S]*Division\.name[\s\S]*Division\.head/,
    );
  });

  it('given SDL that does not parse, when composed, then the subgraph is named in the error', () => {
    expect(
      composeSupergraph([{ name: 'broken', url: 'http://b/graphql', sdl: 'type Query {' }]),
    ).toEqual({
      ok: false,
      errors: [
        { code: 'INVALID_GRAPHQL', message: expect.stringMatching(/^\[broken\] Syntax Error/) },
      ],
    });
  });
});
