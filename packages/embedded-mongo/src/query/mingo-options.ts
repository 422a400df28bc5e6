import { Aggregator } from 'mingo/aggregator';
import { Context } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { comparisonExpressions } from './comparison-expressions.js';
import { comparisonOperators } from './comparison-operators.js';
import { sortStage } from './sort-stage.js';
import { typeExpression } from './type-expression.js';

export type CollectionResolver = (name: string) => Record<string, unknown>[];

/**
 * Every mingo operator, with the comparison operators and expressions, `$type` and `$sort`
 * replaced by MongoDB-faithful ones.
 * Built directly (not through mingo's default entry point, whose context merge lets the
 * built-in operators win over replacements).
 */
const PATCHED_CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: { ...expressionOperators, ...comparisonExpressions, $type: typeExpression },
  pipeline: { ...pipelineOperators, $sort: sortStage },
  projection: projectionOperators,
  query: { ...queryOperators, ...comparisonOperators },
  window: windowOperators,
} as never);

export type MingoExtras = {
  collectionResolver?: CollectionResolver;
  variables?: Record<string, unknown>;
  /** For mingo's own `$sort`; matching uses withCollation. */
  collation?: Record<string, unknown>;
};

export function mingoOptions(extra: MingoExtras = {}): Partial<Options> {
  return {
    context: PATCHED_CONTEXT,
    idKey: '_id',
    useStrictMode: true,
    scriptEnabled: false,
    ...(extra.collectionResolver ? { collectionResolver: extra.collectionResolver } : {}),
    ...(extra.variables ? { variables: extra.variables } : {}),
    ...(extra.collation ? { collation: extra.collation as unknown as Options['collation'] } : {}),
  };
}

/**
 * The options every plain query shares, already in mingo's internal form. Given plain options,
 * `new Query` copies every operator table of the context (hundreds of entries) on each call;
 * given these it only copies their (empty) locals. mingo does not export the class, but hands
 * an instance of it to query operators, so one is obtained once through a probe operator.
 */
const PLAIN_QUERY_OPTIONS: Partial<Options> = (() => {
  let probed: object | undefined;
  const probe = Context.init({
    query: {
      $probe: (_field: string, _value: unknown, options: object) => {
        probed = options;
        return () => true;
      },
    },
  } as never);
  new Query({ probe: { $probe: 1 } }, { ...mingoOptions(), context: probe });
  const computeOptions = probed?.constructor as
    { init(options: Partial<Options>): Partial<Options> } | undefined;
  if (typeof computeOptions?.init !== 'function') throw new Error('mingo: no ComputeOptions');
  return computeOptions.init(mingoOptions());
})();

export function createQuery(
  filter: Record<string, unknown>,
  variables?: Record<string, unknown>,
  jsonSchemaValidator?: Options['jsonSchemaValidator'],
): Query {
  if (!variables && !jsonSchemaValidator) return new Query(filter, PLAIN_QUERY_OPTIONS);
  return new Query(filter, {
    ...mingoOptions(variables ? { variables } : {}),
    ...(jsonSchemaValidator ? { jsonSchemaValidator } : {}),
  });
}

/**
 * The values of a command's `let` option: each is an expression, evaluated once before the
 * command runs (so `{ $literal: 'x' }` is 'x'), as mongod does.
 */
export function evaluateLet(spec: unknown): Record<string, unknown> | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (typeof spec !== 'object' || Array.isArray(spec)) {
    throw new TypeError("BSON field 'let' is the wrong type, expected type 'object'");
  }
  const names = Object.keys(spec);
  if (names.length === 0) return undefined;
  const [values] = new Aggregator(
    [{ $replaceWith: { $literal: {} } }, { $set: spec }],
    mingoOptions(),
  ).run([{}]);
  return values as Record<string, unknown>;
}

export function createAggregator(
  pipeline: Record<string, unknown>[],
  extra: MingoExtras = {},
): Aggregator {
  return new Aggregator(pipeline, mingoOptions(extra));
}
