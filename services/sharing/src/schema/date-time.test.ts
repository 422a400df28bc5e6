import { fileURLToPath } from 'node:url';
import { readSubgraphSdl } from '@heli/subgraph-runtime';
import { Kind, parse, type TypeNode } from 'graphql';
import { describe, expect, it } from 'vitest';

const namedType = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);

// A time a client reads or writes: `…At`, `dueAt`, `deadline`.
const TIME_FIELD = /(At|deadline)$/;

describe('times in the sharing schema', () => {
  it('are the DateTime scalar every other subgraph uses, never a bare String', () => {
    const sdl = parse(readSubgraphSdl(fileURLToPath(new URL('..', import.meta.url))));
    const timeFields = sdl.definitions.flatMap((definition) =>
      'fields' in definition && definition.fields
        ? definition.fields
            .filter((field) => TIME_FIELD.test(field.name.value))
            .map(
              (field) => `${definition.name.value}.${field.name.value}: ${namedType(field.type)}`,
            )
        : [],
    );
    expect(timeFields.length).toBeGreaterThan(20);
    expect(timeFields.filter((field) => !field.endsWith(': DateTime'))).toEqual([]);
  });
});
