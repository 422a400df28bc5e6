import { ChangeType, CriticalityLevel, type Change } from '@graphql-inspector/core';

/**
 * Scalars whose values travel as the same JSON strings a `String` field carries: `DateTime` is an
 * ISO 8601 instant, written with its offset and read back in UTC.
 */
const STRING_ON_THE_WIRE = new Set(['DateTime']);

/** `[String!]!` and `[DateTime!]!` differ only in the named type; anything else must match. */
function onlyStringBecame(oldType: string, newType: string): boolean {
  const named = /^([[\s]*)(\w+)([\]!\s]*)$/;
  const before = named.exec(oldType);
  const after = named.exec(newType);
  return (
    before !== null &&
    after !== null &&
    before[1] === after[1] &&
    before[3] === after[3] &&
    before[2] === 'String' &&
    STRING_ON_THE_WIRE.has(after[2]!)
  );
}

/**
 * graphql-inspector calls every change of a field's type breaking. A `String` that becomes a
 * scalar carried as the same string is not, for a client already deployed: an output still
 * arrives as the string it read before, so it is safe. An input or argument still takes a string,
 * but the scalar may refuse some it accepted (a time without an offset), so it is dangerous —
 * reported, not refused. An operation whose variable is declared `String` for such an argument no
 * longer validates, and the check refuses that separately.
 */
export function stringScalarCriticality(change: Change): CriticalityLevel | undefined {
  switch (change.type) {
    case ChangeType.FieldTypeChanged: {
      const { oldFieldType, newFieldType } = change.meta as {
        oldFieldType: string;
        newFieldType: string;
      };
      return onlyStringBecame(oldFieldType, newFieldType)
        ? CriticalityLevel.NonBreaking
        : undefined;
    }
    case ChangeType.InputFieldTypeChanged: {
      const { oldInputFieldType, newInputFieldType } = change.meta as {
        oldInputFieldType: string;
        newInputFieldType: string;
      };
      return onlyStringBecame(oldInputFieldType, newInputFieldType)
        ? CriticalityLevel.Dangerous
        : undefined;
    }
    case ChangeType.FieldArgumentTypeChanged: {
      const { oldArgumentType, newArgumentType } = change.meta as {
        oldArgumentType: string;
        newArgumentType: string;
      };
      return onlyStringBecame(oldArgumentType, newArgumentType)
        ? CriticalityLevel.Dangerous
        : undefined;
    }
    default:
      return undefined;
  }
}
