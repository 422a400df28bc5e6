import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { stringScalarCriticality } from './string-scalar-changes.js';

const schema = (sent: string, due: string, count: string) =>
  buildSchema(`
    scalar DateTime
    type Reading { sentAt: ${sent} count: ${count} }
    input Send { dueAt: ${due} }
    type Query { reading: Reading }
    type Mutation { send(input: Send!): Reading }
  `);

const levels = async (before: ReturnType<typeof schema>, after: ReturnType<typeof schema>) =>
  Object.fromEntries(
    (await diff(before, after)).map((change) => [
      change.path,
      stringScalarCriticality(change) ?? change.criticality.level,
    ]),
  );

describe('a String that becomes DateTime', () => {
  it('is safe on an output (the same string arrives) and dangerous on an input', async () => {
    expect(
      await levels(schema('String!', 'String!', 'Int'), schema('DateTime!', 'DateTime!', 'Int')),
    ).toEqual({
      'Reading.sentAt': CriticalityLevel.NonBreaking,
      'Send.dueAt': CriticalityLevel.Dangerous,
    });
  });

  it('stays breaking when anything else changes with it, or another type changes', async () => {
    expect(
      await levels(schema('String!', 'String', 'Int'), schema('DateTime', 'DateTime!', 'String')),
    ).toEqual({
      'Reading.sentAt': CriticalityLevel.Breaking,
      'Send.dueAt': CriticalityLevel.Breaking,
      'Reading.count': CriticalityLevel.Breaking,
    });
  });
});
