import { isDeepStrictEqual } from 'node:util';

/**
 * The fields of `after` whose values differ from `before`. An update that changes nothing is
 * neither written nor announced, so replays and repeated saves stay quiet.
 */
export function changedFields<T extends object>(before: T, after: T): (keyof T & string)[] {
  return (Object.keys(after) as (keyof T & string)[]).filter(
    (key) => !isDeepStrictEqual(before[key], after[key]),
  );
}
