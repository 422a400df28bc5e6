import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mergeTypeDefs } from './merge-type-defs.js';

const FEDERATION = 'https://specs.apollo.dev/federation';

const offices = parse(`
  extend schema @link(url: "${FEDERATION}/v2.3", import: ["@key", "@shareable"])
  type Query { office(id: ID!): Office }
  type Office @key(fields: "id") { id: ID! name: String! }
  type PageInfo @shareable { hasNextPage: Boolean! }
`);
const divisions = parse(`
  extend schema @link(url: "${FEDERATION}/v2.7", import: ["@key", { name: "@inaccessible" }])
  extend type Query { division(id: ID!): Division }
  type Division @key(fields: "id") { id: ID! code: String @inaccessible }
`);

describe('mergeTypeDefs', () => {
  it('given feature files that each link federation, when built together unmerged, then federation refuses the second link', () => {
    expect(() => buildSubgraphSchema([{ typeDefs: offices }, { typeDefs: divisions }])).toThrow(
      /already been linked/,
    );
  });

  it('given the same files, when merged, then one subgraph schema with every type is built', () => {
    const schema = buildSubgraphSchema({ typeDefs: mergeTypeDefs([offices, divisions]) });
    const sdl = printSubgraphSchema(schema);
    expect(sdl).toContain('type Office');
    expect(sdl).toContain('type Division');
    expect(sdl).toContain('division(id: ID!): Division');
  });

  it('links each spec once, at the highest version asked for, importing the union of the imports', () => {
    const merged = print(mergeTypeDefs([offices, divisions]));
    const links = merged.match(/@link\(/g) ?? [];
    expect(links).toHaveLength(1);
    expect(merged).toContain(`${FEDERATION}/v2.7`);
    expect(merged).not.toContain('v2.3');
    // "@key" appears in both files but is imported once; the object form is kept as written.
    expect(merged.match(/"@key"/g)).toHaveLength(1);
    expect(merged).toContain('"@shareable"');
    expect(merged).toContain('{name: "@inaccessible"}');
  });

  it('keeps links to different specs apart and other schema directives in place', () => {
    const withOtherSpec = parse(`
      extend schema
        @link(url: "${FEDERATION}/v2.7", import: ["@key", "@composeDirective"])
        @link(url: "https://heli.example/audit/v1.0", import: ["@audited"])
        @composeDirective(name: "@audited")
      directive @audited on FIELD_DEFINITION
      extend type Query { ping: String @audited }
    `);
    const merged = print(mergeTypeDefs([offices, withOtherSpec]));
    expect(merged.match(/@link\(/g)).toHaveLength(2);
    expect(merged).toContain('@composeDirective(name: "@audited")');
    expect(() =>
      buildSubgraphSchema({ typeDefs: mergeTypeDefs([offices, withOtherSpec]) }),
    ).not.toThrow();
  });

  it('leaves documents without @link as they are', () => {
    const plain = parse('type Query { ping: String }');
    expect(print(mergeTypeDefs([plain]))).toBe(print(plain));
  });
});
