import { z } from 'zod';

/**
 * Field types for environment variables, which always arrive as strings. Each gives a message that
 * says what was expected, so `EnvError` can print "PORT: expected a number between 0 and 65535,
 * got 'abc'".
 */

const TRUE_VALUES = new Set(['true', '1']);
const FALSE_VALUES = new Set(['false', '0']);

/** 'true' / 'false' / '1' / '0' (any case) to a boolean. */
export function envBoolean() {
  return z.string().transform((raw, ctx) => {
    const value = raw.trim().toLowerCase();
    if (TRUE_VALUES.has(value)) return true;
    if (FALSE_VALUES.has(value)) return false;
    ctx.issues.push({
      code: 'custom',
      input: raw,
      message: "expected 'true', 'false', '1' or '0'",
    });
    return z.NEVER;
  });
}

/** A whole number within [min, max]. */
export function envInteger(min: number, max: number) {
  return z.string().transform((raw, ctx) => {
    const value = Number(raw.trim());
    if (/^-?\d+$/.test(raw.trim()) && value >= min && value <= max) return value;
    ctx.issues.push({
      code: 'custom',
      input: raw,
      message: `expected a number between ${min} and ${max}`,
    });
    return z.NEVER;
  });
}

/** A TCP port; 0 asks the operating system for a free one. */
export function envPort() {
  return envInteger(0, 65535);
}

/** An absolute URL, optionally restricted to some protocols (e.g. ['nats:', 'tls:']). */
export function envUrl(protocols?: readonly string[]) {
  return z.string().refine(
    (raw) => {
      if (!URL.canParse(raw)) return false;
      return protocols === undefined || protocols.includes(new URL(raw).protocol);
    },
    {
      message: protocols
        ? `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`
        : 'expected an absolute URL',
    },
  );
}
