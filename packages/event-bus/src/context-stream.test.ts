import { describe, expect, it } from 'vitest';
import { checkStreamReplicas, contextStreamConfig } from './context-stream.js';

describe('contextStreamConfig', () => {
  it('given no replica count, keeps one copy (a single NATS server)', () => {
    expect(contextStreamConfig('heli', 'sharing')).toMatchObject({
      name: 'HELI_SHARING',
      num_replicas: 1,
    });
  });

  it('given 3, asks the cluster for three copies (R3)', () => {
    expect(contextStreamConfig('heli', 'sharing', 3).num_replicas).toBe(3);
  });
});

describe('checkStreamReplicas', () => {
  it.each([0, 6, 1.5, Number.NaN])('refuses %s before anything is created', (replicas) => {
    expect(() => checkStreamReplicas(replicas)).toThrow(
      /stream replicas must be an integer from 1 to 5/,
    );
  });
});
