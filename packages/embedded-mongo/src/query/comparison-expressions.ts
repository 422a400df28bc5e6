import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { MongoCommandError } from '../errors/mongo-error.js';
import { compareBson, typeRank, Rank } from '../storage/bson-order.js';

/**
 * The aggregation comparison expressions (`$eq $ne $gt $gte $lt $lte $cmp`, also inside
 * `$expr`). They compare whole values in MongoDB's total BSON order, across types and without
 * the query operators' array matching. mingo reuses its query `$eq` here, so `[1, 2]` equalled
 * 1, a missing field equalled null, and a symbol never equalled the string with its text.
 */
type ExpressionOperator = (obj: unknown, expr: unknown, options: Options) => unknown;

/** As mongod's Value order: a missing value sorts above MinKey and below everything else. */
function compareValues(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) {
    if (a === b) return 0;
    const other = a === undefined ? b : a;
    const missingVsOther = typeRank(other) === Rank.MinKey ? 1 : -1;
    return a === undefined ? missingVsOther : -missingVsOther;
  }
  return compareBson(a, b);
}

function comparison(name: string, test: (c: number) => unknown): ExpressionOperator {
  return (obj, expr, options) => {
    if (!Array.isArray(expr) || expr.length !== 2) {
      const count = Array.isArray(expr) ? expr.length : 1;
      throw new MongoCommandError(
        'Location16020',
        `Expression ${name} takes exactly 2 arguments. ${count} were passed in.`,
      );
    }
    const [a, b] = evalExpr(obj, expr, options) as [unknown, unknown];
    return test(compareValues(a, b));
  };
}

export const comparisonExpressions: Record<string, ExpressionOperator> = {
  $eq: comparison('$eq', (c) => c === 0),
  $ne: comparison('$ne', (c) => c !== 0),
  $gt: comparison('$gt', (c) => c > 0),
  $gte: comparison('$gte', (c) => c >= 0),
  $lt: comparison('$lt', (c) => c < 0),
  $lte: comparison('$lte', (c) => c <= 0),
  $cmp: comparison('$cmp', (c) => Math.sign(c)),
};
