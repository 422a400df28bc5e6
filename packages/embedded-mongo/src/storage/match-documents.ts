import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { undefinedVariableIn } from '../query/expression-variables.js';
import { createQuery } from '../query/mingo-options.js';
import type { MatchStats } from './data-view.js';
import type { Plan } from './query-planner.js';

export type CompiledFilter = ReturnType<typeof createQuery>;

export function compileFilter(filter: Document, variables?: Document): CompiledFilter {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) {
    throw new MongoCommandError('TypeMismatch', 'filter must be an object');
  }
  // `$comment` only labels a query for the profiler; mingo rejects it as an operator.
  const { $comment: _comment, ...criteria } = filter;
  const missing = undefinedVariableIn(criteria, variables);
  if (missing !== undefined)
    throw new MongoCommandError('Location17276', `Use of undefined variable: ${missing}`);
  try {
    return createQuery(criteria, variables);
  } catch (error) {
    // mongod reports every malformed filter as BadValue ("unknown operator: $x").
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /unknown (?:query |top level )?operator:? (\S+)/i.exec(message);
    throw new MongoCommandError('BadValue', unknown ? `unknown operator: ${unknown[1]}` : message, {
      cause: error,
    });
  }
}

/** Resolves candidate ids to documents and keeps those the filter matches, up to `limit`. */
export function matchCandidates(
  ids: Iterable<string>,
  resolve: (id: string) => Document | undefined,
  query: CompiledFilter,
  plan: Plan,
  limit = Infinity,
): { docs: Document[]; stats: MatchStats } {
  const docs: Document[] = [];
  let examined = 0;
  for (const id of ids) {
    if (docs.length >= limit) break;
    const doc = resolve(id);
    if (!doc) continue;
    examined++;
    if (query.test(doc)) docs.push(doc);
  }
  return {
    docs,
    stats: {
      plan,
      keysExamined: plan.kind === 'collectionScan' ? 0 : examined,
      docsExamined: examined,
    },
  };
}
