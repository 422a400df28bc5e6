import { describe, expect, it } from 'vitest';
import { SubgraphResponseHeaders } from './subgraph-response-headers.js';

describe('SubgraphResponseHeaders', () => {
  it('given undici’s header record, reads a header whatever the case of the name asked for', () => {
    const headers = SubgraphResponseHeaders.fromRecord({
      'content-type': 'application/json; charset=utf-8',
      'x-missing': undefined,
    });
    expect(headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(headers.has('CONTENT-TYPE')).toBe(true);
    expect(headers.get('x-missing')).toBeNull();
    expect(headers.has('x-missing')).toBe(false);
  });

  it('joins a repeated header with ", " as fetch’s Headers does', () => {
    const fromRecord = SubgraphResponseHeaders.fromRecord({ vary: ['accept', 'origin'] });
    const appended = new SubgraphResponseHeaders([
      ['Vary', 'accept'],
      ['vary', 'origin'],
    ]);
    expect(fromRecord.get('vary')).toBe('accept, origin');
    expect(appended.get('vary')).toBe('accept, origin');
    expect([...appended]).toEqual([['vary', 'accept, origin']]);
  });

  it('a copy changes independently of the headers it was made from', () => {
    const original = SubgraphResponseHeaders.fromRecord({ 'content-type': 'application/json' });
    const copy = new SubgraphResponseHeaders(original);
    copy.set('content-type', 'text/plain');
    copy.delete('x-nothing');
    expect(original.get('content-type')).toBe('application/json');
    expect(copy.get('content-type')).toBe('text/plain');
    expect([...copy.keys()]).toEqual(['content-type']);
    expect([...copy.values()]).toEqual(['text/plain']);
  });
});
