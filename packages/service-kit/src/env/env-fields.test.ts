import { describe, expect, it } from 'vitest';
import { envBoolean, envInteger, envPort, envUrl } from './env-fields.js';

describe('envBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads %s as %s', (raw, expected) => {
    expect(envBoolean().parse(raw)).toBe(expected);
  });

  it('refuses anything else', () => {
    expect(envBoolean().safeParse('yes').success).toBe(false);
  });
});

describe('envInteger / envPort', () => {
  it('accepts whole numbers within range', () => {
    expect(envPort().parse('0')).toBe(0);
    expect(envPort().parse('65535')).toBe(65535);
    expect(envInteger(-5, 5).parse('-5')).toBe(-5);
  });

  it.each(['65536', '-1', '12.5', '4e3', 'abc', ' '])('refuses %j as a port', (raw) => {
    const result = envPort().safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('expected a number between 0 and 65535');
  });
});

describe('envUrl', () => {
  it('accepts absolute URLs of the allowed protocols', () => {
    expect(envUrl(['nats:', 'tls:']).parse('tls://nats:4222')).toBe('tls://nats:4222');
    expect(envUrl().parse('https://id.example/jwks')).toBe('https://id.example/jwks');
  });

  it('refuses relative URLs and other protocols', () => {
    expect(envUrl().safeParse('/jwks').success).toBe(false);
    expect(envUrl(['nats:']).safeParse('http://nats:4222').success).toBe(false);
  });
});
