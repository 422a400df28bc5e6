import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type ParseOptions } from 'graphql';
import type { ListSizeHints } from './list-size-hints.js';
import { introspectionBudget } from './introspection-sizes.js';
import { measureOperation } from './measure-operation.js';
import type { QueryLimits } from './query-limits-env.js';
import { limitViolation } from './query-limits.js';
import { timeBudgetExceeded } from './time-budget.js';

export interface ApolloQueryLimitsOptions {
  /**
   * `@listSize` hints when the schema Apollo hands the plugin has lost them (the gateway's API
   * schema); by default they are read from the schema itself.
   */
  listSizeHints?: () => ListSizeHints | undefined;
  /**
   * Stop resolving fields once the time budget is spent (a subgraph, which executes resolvers);
   * the gateway, which executes a query plan, bounds its subgraph fetches instead.
   */
  stopResolversAfterBudget?: boolean;
}

/**
 * What an Apollo Server needs to enforce the limits: spread into its config, next to its own
 * plugins. The token limit is graphql-js's own (`parse(…, { maxTokens })`), so an oversized
 * document is refused while it is read, before a syntax tree exists; depth, aliases and cost are
 * measured after validation and before planning or execution, with the request's variables.
 */
export function apolloQueryLimits<TContext extends BaseContext>(
  limits: QueryLimits,
  options: ApolloQueryLimitsOptions = {},
): { plugins: ApolloServerPlugin<TContext>[]; parseOptions: ParseOptions } {
  return {
    plugins: [queryLimitsPlugin(limits, options)],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

/**
 * Rejects over-deep, alias-heavy and over-costly operations after validation and before anything
 * runs. A plugin rather than a validation rule because a validation rule's errors are all
 * rewritten to GRAPHQL_VALIDATION_FAILED and cannot see the request's variables (`first: $n`).
 */
export function queryLimitsPlugin<TContext extends BaseContext>(
  limits: QueryLimits,
  { listSizeHints, stopResolversAfterBudget = false }: ApolloQueryLimitsOptions = {},
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const deadline = performance.now() + limits.timeBudgetMs;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const hints = listSizeHints?.();
          const measured = measureOperation(
            schema,
            operation,
            fragmentsOf(document),
            request.variables,
            hints,
          );
          const budget =
            measured.introspectionCost === 0
              ? 0
              : introspectionBudget(
                  schema,
                  (fullIntrospection, fragments) =>
                    measureOperation(schema, fullIntrospection, fragments, {}, hints)
                      .introspectionCost,
                );
          const violation = limitViolation(measured, limits, budget);
          if (violation) throw violation;
        },
        ...(stopResolversAfterBudget && {
          async executionDidStart() {
            return {
              willResolveField() {
                if (performance.now() > deadline) throw timeBudgetExceeded(limits.timeBudgetMs);
              },
            };
          },
        }),
      };
    },
  };
}

// Apollo hands the same DocumentNode for the same query text (its document cache), so the
// fragments of a document are collected once.
const fragmentsByDocument = new WeakMap<DocumentNode, Map<string, FragmentDefinitionNode>>();

function fragmentsOf(document: DocumentNode): ReadonlyMap<string, FragmentDefinitionNode> {
  let fragments = fragmentsByDocument.get(document);
  if (!fragments) {
    fragments = new Map();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }
    fragmentsByDocument.set(document, fragments);
  }
  return fragments;
}
