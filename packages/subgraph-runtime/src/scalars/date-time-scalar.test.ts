import { describe, expect, it } from 'vitest';
import { parseInstant } from './date-time-scalar.js';

describe('parseInstant', () => {
  it.each([
    ['2026-12-01T17:00:00+08:00', '2026-12-01T09:00:00.000Z'],
    ['2028-02-29T00:00Z', '2028-02-29T00:00:00.000Z'],
    ['2026-03-05T09:00:00.123-05:30', '2026-03-05T14:30:00.123Z'],
  ])('reads %s as the instant it names', (text, iso) => {
    expect(parseInstant(text).toISOString()).toBe(iso);
  });

  it.each([
    'tomorrow',
    '2027-01-01',
    '2027-01-01T00:00:00',
    '2027-02-30T00:00:00Z',
    '2027-02-29T00:00:00Z',
    '2027-13-01T00:00:00Z',
    '2027-01-01T24:00:00Z',
    '+099999-01-01T00:00:00Z',
    12345,
    null,
  ])('refuses %j with BAD_USER_INPUT and an example of the right form', (value) => {
    expect(() => parseInstant(value)).toThrow(/时间格式不正确.*2026-12-01T17:00:00\+08:00/);
    try {
      parseInstant(value);
    } catch (error) {
      expect((error as { extensions: { code: string } }).extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});
