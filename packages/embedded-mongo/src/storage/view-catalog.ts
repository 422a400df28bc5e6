import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';

/** A read-only view: the documents of `viewOn` (a collection or view of the same database) after `pipeline`. */
export type ViewDefinition = { viewOn: string; pipeline: Document[] };

/** What a read of a view runs: the pipelines of every view in the chain, on the collection at its end. */
export type ResolvedView = { coll: string; pipeline: Document[] };

/** mongod's limit on a chain of views on views. */
export const MAX_VIEW_DEPTH = 20;

/** The views of every database. They hold no documents and no indexes, only their definition. */
export class ViewCatalog {
  private readonly databases = new Map<string, Map<string, ViewDefinition>>();

  get(db: string, name: string): ViewDefinition | undefined {
    return this.databases.get(db)?.get(name);
  }

  list(db: string): Array<{ name: string; definition: ViewDefinition }> {
    return [...(this.databases.get(db) ?? [])].map(([name, definition]) => ({ name, definition }));
  }

  hasAny(db: string): boolean {
    return (this.databases.get(db)?.size ?? 0) > 0;
  }

  databaseNames(): string[] {
    return [...this.databases.keys()].filter((db) => this.hasAny(db));
  }

  define(db: string, name: string, definition: ViewDefinition): void {
    let views = this.databases.get(db);
    if (!views) this.databases.set(db, (views = new Map()));
    views.set(name, definition);
  }

  drop(db: string, name: string): boolean {
    return this.databases.get(db)?.delete(name) ?? false;
  }

  dropDatabase(db: string): boolean {
    return this.databases.delete(db);
  }

  /**
   * The collection a view finally reads and the pipeline to run on it: the innermost view's
   * stages first, as mongod resolves views on views. Undefined when `name` is not a view.
   */
  resolve(db: string, name: string): ResolvedView | undefined {
    let definition = this.get(db, name);
    if (!definition) return undefined;
    const pipelines: Document[][] = [];
    for (let depth = 0; depth < MAX_VIEW_DEPTH; depth++) {
      pipelines.unshift(definition.pipeline);
      const next = this.get(db, definition.viewOn);
      if (!next) return { coll: definition.viewOn, pipeline: pipelines.flat() };
      definition = next;
    }
    throw new MongoCommandError(
      'ViewDepthLimitExceeded',
      `View depth too deep or view cycle detected; maximum depth is ${MAX_VIEW_DEPTH}`,
    );
  }

  /**
   * Refuses a definition of `name` on `viewOn` that would make a chain loop back to `name`, or
   * grow longer than mongod allows, before anything is changed.
   */
  assertValidChain(db: string, name: string, viewOn: string): void {
    const chain = [`${db}.${name}`];
    let next: string | undefined = viewOn;
    while (next !== undefined) {
      chain.push(`${db}.${next}`);
      if (next === name)
        throw new MongoCommandError(
          'GraphContainsCycle',
          `View cycle detected: ${chain.join(' => ')}`,
        );
      if (chain.length > MAX_VIEW_DEPTH + 1)
        throw new MongoCommandError(
          'ViewDepthLimitExceeded',
          `View depth too deep or view cycle detected; maximum depth is ${MAX_VIEW_DEPTH}`,
        );
      next = this.get(db, next)?.viewOn;
    }
  }
}
