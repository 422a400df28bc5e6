import type { DemoUserEntry } from '@heli/demo-data';

/** Display width in a terminal: CJK characters take two columns. */
const width = (text: string) =>
  [...text].reduce((sum, ch) => sum + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, columns: number) =>
  text + ' '.repeat(Math.max(0, columns - width(text)));

/** The demo users as an aligned table, one per line, for `pnpm token --list`. */
export function demoUserTable(entries: readonly DemoUserEntry[]): string {
  const rows = [
    ['user', 'name', 'title', 'division', 'roles', 'clearance'],
    ...entries.map((e) => [e.user, e.name, e.title, e.division, e.roles.join(','), e.clearance]),
  ];
  const columns = rows[0]!.map((_, i) => Math.max(...rows.map((row) => width(row[i] ?? ''))));
  return rows
    .map((row) =>
      row
        .map((cell, i) => pad(cell, columns[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
