import { describe, expect, it } from 'vitest';
import { MAX_VIEW_DEPTH, ViewCatalog } from './view-catalog.js';

describe('ViewCatalog', () => {
  it('given a view on a view, when resolved, then the innermost pipeline comes first, on the collection at the end', () => {
    const views = new ViewCatalog();
    views.define('db', 'inner', { viewOn: 'staff', pipeline: [{ $match: { a: 1 } }] });
    views.define('db', 'outer', { viewOn: 'inner', pipeline: [{ $project: { a: 1 } }] });
    expect(views.resolve('db', 'outer')).toEqual({
      coll: 'staff',
      pipeline: [{ $match: { a: 1 } }, { $project: { a: 1 } }],
    });
    expect(views.resolve('db', 'staff')).toBeUndefined();
    expect(views.resolve('other', 'outer')).toBeUndefined();
  });

  it('given a definition that would loop, when checked, then 5 GraphContainsCycle', () => {
    const views = new ViewCatalog();
    views.define('db', 'a', { viewOn: 'b', pipeline: [] });
    expect(() => views.assertValidChain('db', 'b', 'a')).toThrow(
      expect.objectContaining({ code: 5, message: 'View cycle detected: db.b => db.a => db.b' }),
    );
    expect(() => views.assertValidChain('db', 'c', 'a')).not.toThrow();
  });

  it('given a chain longer than mongod allows, when checked or resolved, then 165 ViewDepthLimitExceeded', () => {
    const views = new ViewCatalog();
    for (let i = 1; i <= MAX_VIEW_DEPTH; i++)
      views.define('db', `v${i}`, { viewOn: `v${i - 1}`, pipeline: [] });
    expect(views.resolve('db', `v${MAX_VIEW_DEPTH}`)?.coll).toBe('v0');
    expect(() => views.assertValidChain('db', 'deeper', `v${MAX_VIEW_DEPTH}`)).toThrow(
      expect.objectContaining({ code: 165 }),
    );
    views.define('db', 'deeper', { viewOn: `v${MAX_VIEW_DEPTH}`, pipeline: [] });
    expect(() => views.resolve('db', 'deeper')).toThrow(expect.objectContaining({ code: 165 }));
  });
});
