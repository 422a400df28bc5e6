/**
 * A short excerpt of `text` around the first place a query term occurs (longest terms tried
 * first, so 资源共享 wins over 资源), or its beginning when none occurs. Ellipses mark cuts.
 */
export function snippetAround(text: string, queryTerms: readonly string[], radius = 30): string {
  const terms = [...new Set(queryTerms)].sort((a, b) => b.length - a.length);
  const lower = text.toLowerCase();
  let hit = -1;
  let hitLength = 0;
  for (const term of terms) {
    const index = lower.indexOf(term.toLowerCase());
    if (index !== -1 && (hit === -1 || index < hit)) {
      hit = index;
      hitLength = term.length;
    }
  }
  if (hit === -1) return text.length <= radius * 2 ? text : `${text.slice(0, radius * 2)}…`;
  const start = Math.max(0, hit - radius);
  const end = Math.min(text.length, hit + hitLength + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
