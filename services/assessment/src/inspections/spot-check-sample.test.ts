import { describe, expect, it } from 'vitest';
import { seededRandom } from '../common/seeded-random.js';
import { canonicalPopulation, drawSample } from './spot-check-sample.js';

const population = Array.from({ length: 40 }, (_, i) => ({
  kind: i % 2 ? 'MATTER' : 'READING',
  id: `item-${String(i).padStart(2, '0')}`,
}));

describe('drawSample', () => {
  it('draws the same sample from the same seed, whatever order the population is listed in', () => {
    const first = drawSample(population, 5, 'seed-2026-q2');
    expect(drawSample([...population].reverse(), 5, 'seed-2026-q2')).toEqual(first);
    expect(first).toHaveLength(5);
    expect(new Set(first.map((item) => item.id)).size).toBe(5);
  });

  it('draws a different sample from a different seed', () => {
    expect(drawSample(population, 5, 'seed-a')).not.toEqual(drawSample(population, 5, 'seed-b'));
  });

  it('keeps known values for a known seed, so a redraw on another machine can be checked', () => {
    const random = seededRandom('heli');
    const firstFour = [random(), random(), random(), random()];
    const again = seededRandom('heli');
    expect([again(), again(), again(), again()]).toEqual(firstFour);
    for (const value of firstFour) expect(value).toBeGreaterThanOrEqual(0);
    for (const value of firstFour) expect(value).toBeLessThan(1);
  });

  it('takes the whole population when asked for more, and nothing from an empty one', () => {
    expect(drawSample(population.slice(0, 3), 10, 's')).toHaveLength(3);
    expect(drawSample([], 3, 's')).toEqual([]);
  });

  it('spreads draws over the population rather than favouring its start', () => {
    const hits = new Map<string, number>();
    for (let s = 0; s < 400; s += 1) {
      for (const item of drawSample(population, 4, `s${s}`)) {
        hits.set(item.id, (hits.get(item.id) ?? 0) + 1);
      }
    }
    expect(hits.size).toBe(40);
    expect(Math.max(...hits.values())).toBeLessThan(80);
  });
});

describe('canonicalPopulation', () => {
  it('orders by kind then id and drops duplicates', () => {
    const items = [
      { kind: 'READING', id: 'b' },
      { kind: 'MATTER', id: 'z' },
      { kind: 'READING', id: 'b' },
    ];
    expect(canonicalPopulation(items)).toEqual([
      { kind: 'MATTER', id: 'z' },
      { kind: 'READING', id: 'b' },
    ]);
  });
});
