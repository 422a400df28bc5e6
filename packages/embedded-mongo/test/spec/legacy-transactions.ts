import type { Document } from 'mongodb';

/**
 * Translates a transactions test file from the format the specifications used before the unified
 * test format (runOn, database_name, collection_name, data, tests with operations, expectations
 * and outcome) into a unified-format file, so one runner runs both. The translation follows the
 * legacy format's rules: a `null` field in an expected command means "absent", `42` stands for
 * "any value" (afterClusterTime, recoveryToken), `lsid: "session0"` names a session, and an
 * operation's `result` that carries error fields is an expected error.
 */
export function fromLegacyTransactionsFile(legacy: Document): Document {
  const databaseName = legacy.database_name as string;
  const collectionName = legacy.collection_name as string;
  const runOnRequirements = ((legacy.runOn as Document[] | undefined) ?? []).map((r) => {
    const { topology, ...rest } = r;
    return topology ? { ...rest, topologies: topology } : rest;
  });
  return {
    runOnRequirements,
    initialData: [
      { databaseName, collectionName, documents: (legacy.data as Document[] | undefined) ?? [] },
    ],
    tests: (legacy.tests as Document[]).map((t) => translateTest(t, databaseName, collectionName)),
  };
}

function translateTest(test: Document, databaseName: string, collectionName: string): Document {
  const entities: Document[] = [
    {
      client: {
        id: 'client0',
        uriOptions: lowerCaseReadPreferenceModes(
          (test.clientOptions as Document | undefined) ?? {},
        ),
        observeEvents: ['commandStartedEvent'],
      },
    },
    { database: { id: 'database', client: 'client0', databaseName } },
    { collection: { id: 'collection', database: 'database', collectionName } },
  ];
  const sessionOptions = (test.sessionOptions as Document | undefined) ?? {};
  for (const id of ['session0', 'session1'])
    entities.push({
      session: {
        id,
        client: 'client0',
        sessionOptions: lowerCaseReadPreferenceModes((sessionOptions[id] as Document) ?? {}),
      },
    });

  const variants = new Map<string, string>();
  /** A collection or database entity with the per-operation options of the legacy format. */
  const objectFor = (op: Document): string => {
    const collectionOptions = op.collectionOptions
      ? lowerCaseReadPreferenceModes(op.collectionOptions as Document)
      : undefined;
    const databaseOptions = op.databaseOptions
      ? lowerCaseReadPreferenceModes(op.databaseOptions as Document)
      : undefined;
    if (op.object === 'collection' && collectionOptions) {
      const key = `c${JSON.stringify(collectionOptions)}`;
      if (!variants.has(key)) {
        const id = `collection_${variants.size}`;
        variants.set(key, id);
        entities.push({
          collection: { id, database: 'database', collectionName, collectionOptions },
        });
      }
      return variants.get(key)!;
    }
    if (op.object === 'database' && databaseOptions) {
      const key = `d${JSON.stringify(databaseOptions)}`;
      if (!variants.has(key)) {
        const id = `database_${variants.size}`;
        variants.set(key, id);
        entities.push({ database: { id, client: 'client0', databaseName, databaseOptions } });
      }
      return variants.get(key)!;
    }
    return op.object as string;
  };

  const translateOperation = (op: Document): Document => {
    const args = lowerCaseReadPreferenceModes({
      ...((op.arguments as Document | undefined) ?? {}),
    });
    const name = op.name as string;
    const object = objectFor(op);
    if (name === 'withTransaction') {
      const { callback, options } = args;
      return {
        name,
        object,
        arguments: {
          callback: ((callback as Document).operations as Document[]).map(translateOperation),
          ...((options as Document | undefined) ?? {}),
        },
        ...expectation(op),
      };
    }
    if (name === 'startTransaction' && args.options) {
      const { options, ...rest } = args;
      Object.assign(rest, options);
      return { name, object, arguments: rest, ...expectation(op) };
    }
    if (args.options && isPlainObject(args.options)) {
      const { options, ...rest } = args;
      Object.assign(rest, options);
      args.options = undefined;
      return { name, object, arguments: stripUndefined(rest), ...expectation(op) };
    }
    if (name === 'bulkWrite' && Array.isArray(args.requests))
      args.requests = (args.requests as Document[]).map((r) => ({
        [r.name as string]: r.arguments as Document,
      }));
    if (name === 'runCommand' && args.command_name) {
      args.commandName = args.command_name;
      delete args.command_name;
    }
    if (op.object === 'testRunner' && args.failPoint && !args.session) args.client = 'client0';
    return { name, object, arguments: args, ...expectation(op) };
  };

  const operations: Document[] = [];
  if (test.failPoint)
    operations.push({
      name: 'failPoint',
      object: 'testRunner',
      arguments: { client: 'client0', failPoint: test.failPoint },
    });
  for (const op of (test.operations as Document[] | undefined) ?? [])
    operations.push(translateOperation(op));
  // The legacy runner ends both sessions before it checks the events (an implicit abort).
  for (const id of ['session0', 'session1'])
    operations.push({ name: 'endSession', object: id, ignoreResultAndError: true });

  const unified: Document = {
    description: test.description,
    operations,
    createEntitiesFirst: entities,
  };
  if (test.skipReason) unified.skipReason = test.skipReason;
  if (test.expectations)
    unified.expectEvents = [
      {
        client: 'client0',
        events: (test.expectations as Document[]).map((e) => {
          const started = e.command_started_event as Document;
          return {
            commandStartedEvent: {
              command: translateExpectedCommand(started.command as Document),
              commandName: started.command_name,
              databaseName: started.database_name,
            },
          };
        }),
      },
    ];
  const outcome = (test.outcome as Document | undefined)?.collection as Document | undefined;
  if (outcome)
    unified.outcome = [
      {
        databaseName,
        collectionName: (outcome.name as string | undefined) ?? collectionName,
        documents: outcome.data,
      },
    ];
  return unified;
}

const ERROR_FIELDS = ['errorContains', 'errorCodeName', 'errorLabelsContain', 'errorLabelsOmit'];

function expectation(op: Document): Document {
  const result = op.result;
  if (op.error === true) return { expectError: {} };
  if (isPlainObject(result) && ERROR_FIELDS.some((f) => f in (result as Document))) {
    const expectError: Document = {};
    for (const f of ERROR_FIELDS)
      if (f in (result as Document)) expectError[f] = (result as Document)[f];
    return { expectError };
  }
  if (result === undefined) return {};
  return { expectResult: result };
}

function translateExpectedCommand(command: Document): Document {
  const out: Document = {};
  for (const [key, value] of Object.entries(command)) {
    if (value === null) out[key] = { $$exists: false };
    else if (key === 'lsid' && typeof value === 'string') out[key] = { $$sessionLsid: value };
    else if (['afterClusterTime', 'recoveryToken', 'getMore'].includes(key) && value === 42)
      out[key] = { $$exists: true };
    // Legacy matching lets the actual command carry fields the expected one does not name.
    else if (isPlainObject(value))
      out[key] = { $$matchAsRoot: translateExpectedCommand(value as Document) };
    else out[key] = value;
  }
  return out;
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.constructor === Object;
}

function stripUndefined(d: Document): Document {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined));
}

/** The legacy files spell read preference modes "Secondary"; the driver wants "secondary". */
function lowerCaseReadPreferenceModes(d: Document): Document {
  const out: Document = {};
  for (const [key, value] of Object.entries(d)) {
    if (key === 'readPreference' && typeof value === 'string') out[key] = lowerFirst(value);
    else if (key === 'readPreference' && isPlainObject(value) && typeof value.mode === 'string')
      out[key] = { ...(value as Document), mode: lowerFirst(value.mode as string) };
    else if (isPlainObject(value)) out[key] = lowerCaseReadPreferenceModes(value as Document);
    else out[key] = value;
  }
  return out;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
