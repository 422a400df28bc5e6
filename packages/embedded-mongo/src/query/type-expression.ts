import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { bsonTypeNumber } from './comparison-operators.js';

/** mongod's type names, by BSON type number (what the `$type` expression returns). */
const TYPE_NAMES: Record<number, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  5: 'binData',
  6: 'undefined',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  13: 'javascript',
  14: 'symbol',
  16: 'int',
  17: 'timestamp',
  18: 'long',
  19: 'decimal',
  [-1]: 'minKey',
  127: 'maxKey',
};

/**
 * The `$type` aggregation expression. mingo's names a BSON value by its JS class
 * ('bsonsymbol', 'objectid', 'binary', 'decimal128'); mongod names it by its BSON type.
 */
export function typeExpression(obj: unknown, expr: unknown, options: Options): string {
  const value = evalExpr(obj, expr, options);
  if (value === undefined) return 'missing';
  return TYPE_NAMES[bsonTypeNumber(value)] ?? 'object';
}
