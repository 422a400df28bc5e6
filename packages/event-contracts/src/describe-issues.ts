import type { z } from 'zod';

/** "data.name: Too small...; data.kind: Invalid option..." — every problem, with its field path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
