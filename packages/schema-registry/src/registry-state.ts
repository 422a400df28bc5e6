import { z } from 'zod';

/** One published subgraph: what composition and the gateway need, plus who published what when. */
export const publishedSubgraphSchema = z.object({
  name: z.string().min(1),
  /** Where the gateway routes this subgraph's fetches. */
  url: z.string().url(),
  /** The deploy's version (image tag, commit), shown by `schema show` and in the gateway's log. */
  version: z.string().min(1),
  sdl: z.string().min(1),
  publishedAt: z.string(),
});
export type PublishedSubgraph = z.infer<typeof publishedSubgraphSchema>;

/**
 * The registry's single commit point: every subgraph's current SDL and the supergraph composed
 * from exactly those. Kept in one key so a publish is one compare-and-set — two teams publishing
 * at once cannot compose against each other's half-written state.
 */
export const registryStateSchema = z.object({
  format: z.literal(1),
  subgraphs: z.array(publishedSubgraphSchema),
  supergraphSdl: z.string().min(1),
  /** Short hash of supergraphSdl, for logs and for telling versions apart. */
  hash: z.string(),
  /** Which publish produced this state (or `rollback`). */
  change: z.object({
    subgraph: z.string(),
    version: z.string(),
    kind: z.enum(['publish', 'rollback']),
  }),
  composedAt: z.string(),
});
export type RegistryState = z.infer<typeof registryStateSchema>;

/** The operations one client is known to run (the console's, the analysts' saved queries, …). */
export const clientOperationsSchema = z.object({
  client: z.string().min(1),
  /** Named operations, each with the fragments it uses, as registered. */
  operations: z.array(z.object({ name: z.string().min(1), document: z.string().min(1) })),
  registeredAt: z.string(),
});
export type ClientOperations = z.infer<typeof clientOperationsSchema>;
