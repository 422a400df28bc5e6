import type { KV, KvEntry, NatsConnection } from 'nats';
import {
  clientOperationsSchema,
  registryStateSchema,
  type ClientOperations,
  type RegistryState,
} from './registry-state.js';

/** The key holding the registry's state: every subgraph and the supergraph composed from them. */
export const SUPERGRAPH_KEY = 'supergraph';
const OPERATIONS_PREFIX = 'operations.';

/** Revisions of the state kept for `schema rollback` and `schema history`. */
const HISTORY = 20;

/** Client names become key tokens: letters, digits, `-` and `_`. */
export const CLIENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The bucket of one namespace: `heli_schemas` in production, `t3f9a1c07_schemas` in a test. */
export function registryBucketName(namespace: string): string {
  return `${namespace}_schemas`;
}

export interface RegistryOptions {
  namespace: string;
  /** JetStream replicas of the bucket when this call creates it (3 on a three-node cluster). */
  replicas?: number;
}

export interface StoredState {
  state: RegistryState;
  revision: number;
}

/** A publish lost a race: someone else changed the state since it was read. */
export class RegistryConflictError extends Error {
  override name = 'RegistryConflictError';
}

export interface SchemaRegistry {
  readonly bucket: string;
  readState(): Promise<StoredState | undefined>;
  /**
   * Writes a new state if the stored one is still at `expectedRevision` (undefined: none yet);
   * throws RegistryConflictError otherwise.
   */
  commitState(state: RegistryState, expectedRevision: number | undefined): Promise<number>;
  /** Earlier states, newest first (the current one included). */
  stateHistory(): Promise<StoredState[]>;
  readOperations(): Promise<ClientOperations[]>;
  putOperations(operations: ClientOperations): Promise<number>;
  /**
   * Calls `onState` with the current state (if any) and then with every new one, in order,
   * until the returned function is called. A value that does not parse goes to `onInvalid`.
   */
  watchState(handlers: {
    onState(stored: StoredState): void;
    onInvalid(revision: number, problem: string): void;
  }): Promise<() => Promise<void>>;
}

/** Opens (creating if needed) the namespace's registry bucket on a JetStream-enabled connection. */
export async function openSchemaRegistry(
  nc: NatsConnection,
  opts: RegistryOptions,
): Promise<SchemaRegistry> {
  const bucket = registryBucketName(opts.namespace);
  const kv: KV = await nc
    .jetstream()
    .views.kv(bucket, { history: HISTORY, replicas: opts.replicas ?? 1 });

  const parseState = (entry: KvEntry): StoredState => ({
    state: registryStateSchema.parse(entry.json()),
    revision: entry.revision,
  });

  return {
    bucket,
    async readState() {
      const entry = await kv.get(SUPERGRAPH_KEY);
      if (!entry || entry.operation !== 'PUT') return undefined;
      return parseState(entry);
    },
    async commitState(state, expectedRevision) {
      const payload = JSON.stringify(registryStateSchema.parse(state));
      try {
        return expectedRevision === undefined
          ? await kv.create(SUPERGRAPH_KEY, payload)
          : await kv.update(SUPERGRAPH_KEY, payload, expectedRevision);
      } catch (error) {
        if (isWrongRevision(error)) {
          throw new RegistryConflictError('the registry changed while this publish was checked', {
            cause: error,
          });
        }
        throw error;
      }
    },
    async stateHistory() {
      const states: StoredState[] = [];
      for await (const entry of await kv.history({ key: SUPERGRAPH_KEY })) {
        if (entry.operation === 'PUT') states.push(parseState(entry));
      }
      return states.reverse();
    },
    async readOperations() {
      const keys: string[] = [];
      for await (const key of await kv.keys(`${OPERATIONS_PREFIX}>`)) keys.push(key);
      const all: ClientOperations[] = [];
      for (const key of keys.sort()) {
        const entry = await kv.get(key);
        if (entry && entry.operation === 'PUT')
          all.push(clientOperationsSchema.parse(entry.json()));
      }
      return all;
    },
    async putOperations(operations) {
      if (!CLIENT_NAME.test(operations.client)) {
        throw new Error(`client name '${operations.client}': use letters, digits, - and _`);
      }
      const payload = JSON.stringify(clientOperationsSchema.parse(operations));
      return kv.put(`${OPERATIONS_PREFIX}${operations.client}`, payload);
    },
    async watchState({ onState, onInvalid }) {
      const watch = await kv.watch({ key: SUPERGRAPH_KEY });
      const done = (async () => {
        for await (const entry of watch) {
          if (entry.operation !== 'PUT') continue;
          let stored: StoredState;
          try {
            stored = parseState(entry);
          } catch (error) {
            onInvalid(entry.revision, error instanceof Error ? error.message : String(error));
            continue;
          }
          onState(stored);
        }
      })();
      return async () => {
        watch.stop();
        await done;
      };
    },
  };
}

function isWrongRevision(error: unknown): boolean {
  // JetStream answers a failed compare-and-set with API error 10071 ("wrong last sequence").
  const api = (error as { api_error?: { err_code?: number } }).api_error;
  return (
    api?.err_code === 10071 ||
    (error instanceof Error && /wrong last sequence|key exists/i.test(error.message))
  );
}
