import { calculateObjectSize, type Document } from 'bson';
import type { JournalOp } from '../durability/durable-store.js';
import { createQuery } from '../query/mingo-options.js';
import { optionalDocument, type CommandContext } from './command-context.js';

export async function dropDatabase(ctx: CommandContext): Promise<Document> {
  const ops: JournalOp[] = [];
  ctx.server.engine.dropDatabase(ctx.db, ops);
  await ctx.server.engine.persist(ops);
  return { dropped: ctx.db, ok: 1 };
}

export function listDatabases(ctx: CommandContext): Document {
  const engine = ctx.server.engine;
  const filter = optionalDocument(ctx, 'filter') ?? {};
  const databases = engine.databaseNames().map((name) => {
    let sizeOnDisk = 0;
    for (const c of engine.collections(name)) {
      // Sizing every document would be O(data); an estimate from a sample is what the field is for.
      const sample: Document[] = [];
      for (const doc of c.docs.values()) {
        if (sample.length === 100) break;
        sample.push(doc);
      }
      const avg = sample.length
        ? sample.reduce((s, d) => s + calculateObjectSize(d), 0) / sample.length
        : 0;
      sizeOnDisk += Math.round(avg * c.docs.size);
    }
    return { name, sizeOnDisk, empty: sizeOnDisk === 0 };
  });
  const query = createQuery(filter);
  const matching = databases.filter((d) => query.test(d));
  if (ctx.command.nameOnly === true)
    return { databases: matching.map(({ name }) => ({ name })), ok: 1 };
  return {
    databases: matching,
    totalSize: matching.reduce((s, d) => s + d.sizeOnDisk, 0),
    totalSizeMb: 0,
    ok: 1,
  };
}
