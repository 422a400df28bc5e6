import { BSONSymbol, deserialize, type DeserializeOptions, type Document } from 'bson';
import { bsonValueSize } from './value-size.js';

const SYMBOL = 0x0e;
const DOCUMENT = 0x03;
const ARRAY = 0x04;
const CODE_WITH_SCOPE = 0x0f;

/**
 * bson's `deserialize` with `promoteValues` (numbers as JS numbers, and so on), except that a
 * symbol (BSON type 14) stays a `BSONSymbol`, as mongod stores and returns it: bson has no
 * option to promote everything but symbols.
 *
 * Decoding is the hot path of every command, so the common case costs one `indexOf`: a
 * document whose bytes hold no 0x0e byte anywhere cannot hold a symbol element. Only when one
 * does are the element headers walked, and only a real symbol element is turned back into a
 * `BSONSymbol` in the decoded document; nothing is decoded twice.
 */
export function deserializeKeepingSymbols(
  bytes: Buffer,
  options: DeserializeOptions & { promoteValues?: true },
): Document {
  const doc = deserialize(bytes, options);
  if (bytes.indexOf(SYMBOL) !== -1) restoreSymbols(bytes, 0, doc);
  return doc;
}

/**
 * Walks the elements of the (already successfully decoded, so well-formed) document at `start`
 * and wraps each symbol element's decoded string in `decoded` as a `BSONSymbol`. A nested
 * document or array is entered only when its bytes hold a 0x0e byte.
 */
function restoreSymbols(bytes: Buffer, start: number, decoded: object): void {
  const end = start + bytes.readInt32LE(start) - 1;
  let at = start + 4;
  while (at < end) {
    const type = bytes[at]!;
    const nameEnd = bytes.indexOf(0, at + 1);
    const valueStart = nameEnd + 1;
    const valueEnd = valueStart + (bsonValueSize(bytes, type, valueStart) ?? end - valueStart);
    if (type === SYMBOL) {
      const name = bytes.toString('utf8', at + 1, nameEnd);
      const text = ownValue(decoded, name);
      if (typeof text === 'string') setOwnValue(decoded, name, new BSONSymbol(text));
    } else if (type === DOCUMENT || type === ARRAY || type === CODE_WITH_SCOPE) {
      const next = bytes.indexOf(SYMBOL, valueStart);
      if (next !== -1 && next < valueEnd) {
        const value = ownValue(decoded, bytes.toString('utf8', at + 1, nameEnd));
        if (type !== CODE_WITH_SCOPE) {
          if (typeof value === 'object' && value !== null) restoreSymbols(bytes, valueStart, value);
        } else {
          // Code with scope: total length, the code as a string, then the scope document.
          const scope = (value as { scope?: unknown } | undefined)?.scope;
          const scopeStart = valueStart + 8 + bytes.readInt32LE(valueStart + 4);
          if (typeof scope === 'object' && scope !== null) restoreSymbols(bytes, scopeStart, scope);
        }
      }
    }
    at = valueEnd;
  }
}

// bson defines a field named `__proto__` as an own property; plain access would reach the
// prototype instead.
function ownValue(container: object, name: string): unknown {
  return Object.getOwnPropertyDescriptor(container, name)?.value;
}

function setOwnValue(container: object, name: string, value: unknown): void {
  Object.defineProperty(container, name, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
