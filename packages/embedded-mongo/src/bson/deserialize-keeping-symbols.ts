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
 * and wraps each symbol element's decoded string in `decoded` as a `BSONSymbol`. Only elements
 * whose bytes hold a 0x0e byte are looked at (entering a nested document or array), and the
 * walk ends at the last such byte.
 */
function restoreSymbols(bytes: Buffer, start: number, decoded: object): void {
  const end = start + bytes.readInt32LE(start) - 1;
  let at = start + 4;
  let next = bytes.indexOf(SYMBOL, at);
  while (next !== -1 && next < end) {
    const type = bytes[at]!;
    // Names are short: a loop is cheaper than a native indexOf call.
    let nameEnd = at + 1;
    while (bytes[nameEnd] !== 0) nameEnd++;
    const valueStart = nameEnd + 1;
    const valueEnd = valueStart + (bsonValueSize(bytes, type, valueStart) ?? end - valueStart);
    if (next < valueEnd) {
      if (type === SYMBOL) {
        const name = bytes.toString('utf8', at + 1, nameEnd);
        const text = ownValue(decoded, name);
        if (typeof text === 'string') setOwnValue(decoded, name, new BSONSymbol(text));
      } else if (next >= valueStart && (type === DOCUMENT || type === ARRAY)) {
        const value = ownValue(decoded, bytes.toString('utf8', at + 1, nameEnd));
        if (typeof value === 'object' && value !== null) restoreSymbols(bytes, valueStart, value);
      } else if (next >= valueStart && type === CODE_WITH_SCOPE) {
        // Code with scope: total length, the code as a string, then the scope document.
        const code = ownValue(decoded, bytes.toString('utf8', at + 1, nameEnd));
        const scope = (code as { scope?: unknown } | undefined)?.scope;
        const scopeStart = valueStart + 8 + bytes.readInt32LE(valueStart + 4);
        if (typeof scope === 'object' && scope !== null) restoreSymbols(bytes, scopeStart, scope);
      }
      next = bytes.indexOf(SYMBOL, valueEnd);
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
