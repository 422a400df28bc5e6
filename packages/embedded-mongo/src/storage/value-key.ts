import type { Binary, ObjectId } from 'bson';
import { numericValue, typeRank, Rank } from './bson-order.js';

/**
 * A string that is equal for two BSON values exactly when MongoDB considers them equal
 * (1, 1.0 and Long(1) are one key; field order inside objects matters). Used as the Map key
 * for `_id` and for unique-index lookups.
 */
export function valueKey(v: unknown): string {
  switch (typeRank(v)) {
    case Rank.Null:
      return 'z';
    case Rank.MinKey:
      return 'm';
    case Rank.MaxKey:
      return 'M';
    case Rank.Number:
      return `n${numericValue(v)}`;
    case Rank.String:
      return `s${typeof v === 'string' ? v : String((v as { value: unknown }).value)}`;
    case Rank.ObjectId:
      return `o${(v as ObjectId).toHexString()}`;
    case Rank.Bool:
      return v ? 'T' : 'F';
    case Rank.Date:
      return `d${(v as Date).getTime()}`;
    case Rank.BinData: {
      const bin = v as Binary;
      return `b${bin.sub_type}:${Buffer.from(bin.buffer.subarray(0, bin.position)).toString('hex')}`;
    }
    case Rank.Array:
      return `[${(v as unknown[]).map(valueKey).join(',')}]`;
    case Rank.Object:
      return `{${Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${JSON.stringify(k)}:${valueKey(x)}`)
        .join(',')}}`;
    default:
      return `?${String(v)}`;
  }
}
