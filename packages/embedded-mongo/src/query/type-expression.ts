import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { BSON_TYPE_NUMBERS, bsonTypeNumber } from './comparison-operators.js';

/** mongod's type names, by BSON type number (what the `$type` expression returns). */
const TYPE_NAMES: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(BSON_TYPE_NUMBERS).map(([name, number]) => [number, name]),
);

/**
 * The `$type` aggregation expression. mingo's names a BSON value by its JS class
 * ('bsonsymbol', 'objectid', 'binary', 'decimal128'); mongod names it by its BSON type.
 */
export function typeExpression(obj: unknown, expr: unknown, options: Options): string {
  const value = evalExpr(obj, expr, options);
  if (value === undefined) return 'missing';
  return TYPE_NAMES[bsonTypeNumber(value)] ?? 'object';
}
