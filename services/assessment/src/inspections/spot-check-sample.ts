import type { ScoredItem } from '../scoring-events/scorable-events.js';
import { seededRandom } from '../common/seeded-random.js';

/**
 * Draws a spot check's sample (不定期抽查): `size` items of the population, chosen by a partial
 * Fisher–Yates shuffle driven by the seed. The population is put in a canonical order first
 * (kind, then id, duplicates dropped), so the sample depends only on the set of items and the seed.
 */
export function drawSample(
  population: readonly ScoredItem[],
  size: number,
  seed: string,
): ScoredItem[] {
  const items = canonicalPopulation(population);
  const random = seededRandom(seed);
  const count = Math.min(Math.max(0, Math.floor(size)), items.length);
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(random() * (items.length - i));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items.slice(0, count);
}

export function canonicalPopulation(population: readonly ScoredItem[]): ScoredItem[] {
  const unique = new Map(population.map((item) => [`${item.kind}\u0000${item.id}`, item]));
  return [...unique.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => ({ kind: item.kind, id: item.id }));
}
