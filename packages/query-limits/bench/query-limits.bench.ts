import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildASTSchema,
  Kind,
  parse,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import {
  apolloQueryLimits,
  DEFAULT_QUERY_LIMITS,
  listSizeHintsOf,
  measureOperation,
} from '../src/index.js';

// `pnpm --filter @heli/query-limits bench`: what the limit checks cost per request — the one walk
// over the operation (depth, aliases, cost), and the whole plugin hook as Apollo calls it — on the
// responsibility subgraph's schema, for the queries the gateway bench sends and a larger one.
// BENCH_ITERATIONS (default 200,000) per query.

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200_000);

const QUERIES: Record<string, string> = {
  'gateway bench page (divisions + heads)':
    '{ divisions(first: 20) { edges { node { id name head { name title } } } } }',
  'matters with divisions, staff and fragments': `
    query Board($first: Int) { assignments(first: $first) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { ...Matter leadDivision { ...Division } coDivisions { ...Division } } } } }
    fragment Matter on Assignment { id title status deadline priority progressPercent }
    fragment Division on Division { id name head { id name title } }`,
};

function responsibilitySchema() {
  const dir = fileURLToPath(new URL('../../../services/responsibility/src/', import.meta.url));
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.graphql')) files.push(readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  // Federation directives and link definitions only matter to composition; plain SDL is enough here.
  const sdl = files
    .join('\n')
    .replace(/extend schema[^\n]*\n(\s+@link[^\n]*\n)*/g, '')
    .replace(
      /@(key|shareable|external|requires|provides|inaccessible|tag|override|link|listSize)(\([^)]*\))?/g,
      '',
    )
    .replace(/^extend type (Query|Mutation)/gm, 'type $1');
  const document = parse(
    `directive @oneOf on INPUT_OBJECT\nscalar DateTime\n${mergeRootTypes(sdl)}`,
  );
  return buildASTSchema(document, { assumeValidSDL: true });
}

/** Several `type Query` blocks become one, as a merge of feature files would make them. */
function mergeRootTypes(sdl: string): string {
  const roots: Record<string, string[]> = { Query: [], Mutation: [] };
  const rest = sdl.replace(
    /type (Query|Mutation) \{([\s\S]*?)\n\}/g,
    (_, root: string, body: string) => {
      roots[root]!.push(body);
      return '';
    },
  );
  const extended = rest.replace(/^extend type (\w+)/gm, 'extend type $1');
  return `${extended}\ntype Query {${roots.Query!.join('\n')}\n}\ntype Mutation {${roots.Mutation!.join('\n')}\n}`;
}

function operationOf(document: DocumentNode): OperationDefinitionNode {
  return document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
}

async function main(): Promise<void> {
  const schema = responsibilitySchema();
  const hints = listSizeHintsOf(schema);
  const plugin = apolloQueryLimits(DEFAULT_QUERY_LIMITS).plugins[0]!;
  const rows = [['query', 'walk µs', 'plugin hook µs', 'cost']];
  for (const [name, query] of Object.entries(QUERIES)) {
    const document = parse(query);
    const operation = operationOf(document);
    const fragments = new Map(
      document.definitions.flatMap((d) =>
        d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
      ),
    );
    const variables = { first: 50 };
    const cost = measureOperation(schema, operation, fragments, variables, hints).cost;

    let started = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i += 1)
      measureOperation(schema, operation, fragments, variables, hints);
    const walk = Number(process.hrtime.bigint() - started) / ITERATIONS / 1000;

    started = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i += 1) {
      // As Apollo calls it per request: requestDidStart, then didResolveOperation.
      const listener = await plugin.requestDidStart!({} as never);
      await listener!.didResolveOperation!({
        schema,
        document,
        operation,
        request: { variables },
      } as never);
    }
    const hook = Number(process.hrtime.bigint() - started) / ITERATIONS / 1000;
    rows.push([name, walk.toFixed(2), hook.toFixed(2), String(cost)]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows)
    process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}\n`);
}

await main();
