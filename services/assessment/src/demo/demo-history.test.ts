import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '@heli/event-contracts';
import { periodKeysOf } from '../periods/period.js';
import { DEMO_HISTORY_YEAR, demoHistory } from './demo-history.js';

describe('demoHistory', () => {
  const history = demoHistory();

  it('is the same every time it is generated', () => {
    expect(demoHistory()).toEqual(history);
  });

  it('is a year of valid events, in time order, with unique ids', () => {
    expect(history.length).toBeGreaterThan(1500);
    expect(new Set(history.map((e) => e.id)).size).toBe(history.length);
    for (const envelope of history) expect(parseEnvelope(envelope)).toEqual(envelope);
    const times = history.map((e) => Date.parse(e.time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(periodKeysOf(history[0]!.time)).toMatchObject({ year: DEMO_HISTORY_YEAR, month: 1 });
    expect(periodKeysOf(history.at(-1)!.time)).toMatchObject({
      year: DEMO_HISTORY_YEAR,
      month: 11,
    });
  });

  it('involves every demo division', () => {
    const divisions = new Set(
      history.flatMap((e) => {
        const data = e.data as Record<string, unknown>;
        return [data['leadDivisionId'], data['divisionId'], data['sourceDivisionId']].filter(
          Boolean,
        );
      }),
    );
    expect(divisions.size).toBe(10);
  });
});
