/**
 * Where in an event's data a rule finds the division it scores for: a field ('leadDivisionId'),
 * a nested field ('assignment.leadDivisionId') or a field of every element of an array
 * ('items[].sourceDivisionId'). Null and absent values yield no division.
 */
const TARGET_PATH = /^([A-Za-z_][A-Za-z0-9_]*(\[\])?)(\.[A-Za-z_][A-Za-z0-9_]*(\[\])?)*$/;

export function isTargetPath(path: string): boolean {
  return TARGET_PATH.test(path);
}

/** The division ids at `path`, one per occurrence (an array may name a division twice). */
export function divisionsAt(data: unknown, path: string): string[] {
  let current: unknown[] = [data];
  for (const segment of path.split('.')) {
    const each = segment.endsWith('[]');
    const key = each ? segment.slice(0, -2) : segment;
    const next: unknown[] = [];
    for (const value of current) {
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) continue;
      const found = (value as Record<string, unknown>)[key];
      if (each) {
        if (Array.isArray(found)) next.push(...(found as unknown[]));
      } else {
        next.push(found);
      }
    }
    current = next;
  }
  return current.filter((value): value is string => typeof value === 'string' && value !== '');
}

/** The field names a path walks through, to check them against the event's contract. */
export function targetPathFields(path: string): string[] {
  return path.split('.').map((segment) => segment.replace(/\[\]$/, ''));
}
