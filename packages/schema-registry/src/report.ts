import type { PublishOutcome } from './publish.js';
import type { SchemaChange } from './schema-check.js';

/** A new subgraph adds every one of its types; the safe ones are only worth a glance. */
const OTHER_CHANGES_LISTED = 10;

/** The CLI's human-readable account of a check or publish. */
export function formatReport(outcome: PublishOutcome): string {
  const lines: string[] = [];
  const headline = {
    published: `published ${outcome.subgraph} as revision ${outcome.revision}`,
    unchanged: `${outcome.subgraph} is already published with this SDL, URL and version`,
    checked: `${outcome.subgraph}: the check passed (nothing written)`,
    refused: `${outcome.subgraph}: REFUSED`,
  }[outcome.status];
  lines.push(headline);
  for (const refusal of outcome.refusals) lines.push(`  ✗ ${refusal}`);
  const section = (title: string, changes: SchemaChange[], limit = Infinity) => {
    if (changes.length === 0) return;
    lines.push(`${title}:`);
    for (const change of changes.slice(0, limit)) {
      const users = change.usedBy.map((u) => `${u.client}/${u.operation}`).join(', ');
      lines.push(
        `  ${change.path ?? change.type}: ${change.message}${users ? ` — used by ${users}` : ''}`,
      );
    }
  };
  section('breaking changes', outcome.breaking);
  section('dangerous changes', outcome.dangerous);
  section('other changes', outcome.safe, OTHER_CHANGES_LISTED);
  if (outcome.safe.length > OTHER_CHANGES_LISTED) {
    lines.push(`  … and ${outcome.safe.length - OTHER_CHANGES_LISTED} more`);
  }
  for (const hint of outcome.compositionHints) lines.push(`hint ${hint.code}: ${hint.message}`);
  return `${lines.join('\n')}\n`;
}
