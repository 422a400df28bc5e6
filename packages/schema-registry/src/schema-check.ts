import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { stringScalarCriticality } from './string-scalar-changes.js';
import { parse, validate, type GraphQLSchema } from 'graphql';
import {
  apiSchemaOf,
  composeSubgraphs,
  messageOf,
  type Problem,
  type SubgraphInput,
} from './compose.js';
import { changeAffects, coordinatesUsedBy } from './operation-usage.js';
import type { ClientOperations, RegistryState } from './registry-state.js';

export interface OperationRef {
  client: string;
  operation: string;
}

export interface SchemaChange {
  /** graphql-inspector's change type, e.g. FIELD_REMOVED. */
  type: string;
  message: string;
  /** Schema coordinate, e.g. `Matter.title`. */
  path?: string;
  reason?: string;
  /** Registered operations that use what the change touches. */
  usedBy: OperationRef[];
}

export interface BrokenOperation extends OperationRef {
  /** What stops the operation from running on the new schema, naming the field. */
  errors: string[];
}

export interface CheckReport {
  subgraph: string;
  accepted: boolean;
  /** Why it was refused, one line each; empty when accepted. */
  refusals: string[];
  compositionErrors: Problem[];
  compositionHints: Problem[];
  /** Against the published API schema. Breaking ones no registered operation uses are allowed. */
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  safe: SchemaChange[];
  brokenOperations: BrokenOperation[];
  /** The supergraph that accepting would publish. */
  supergraphSdl?: string;
  /** Every subgraph as it would be composed (the proposal in place of its published version). */
  subgraphs: SubgraphInput[];
}

/**
 * Checks a proposed subgraph SDL against the registry's current state, without writing anything:
 * 1. it must compose with every other subgraph's published SDL (Apollo composition);
 * 2. the resulting API schema is compared with the published one (graphql-inspector): a breaking
 *    change that a registered client operation uses refuses the proposal, naming the client, the
 *    operation and the field; other breaking and dangerous changes are reported;
 * 3. every registered operation must still validate against the new API schema (this catches what
 *    a per-change view can miss, e.g. an argument's type changed under a variable).
 */
export async function checkProposal(
  current: RegistryState | undefined,
  proposal: SubgraphInput,
  clients: readonly ClientOperations[],
): Promise<CheckReport> {
  const others = (current?.subgraphs ?? []).filter((s) => s.name !== proposal.name);
  const subgraphs: SubgraphInput[] = [
    ...others.map(({ name, url, sdl }) => ({ name, url, sdl })),
    proposal,
  ].sort((a, b) => a.name.localeCompare(b.name));
  const report: CheckReport = {
    subgraph: proposal.name,
    accepted: false,
    refusals: [],
    compositionErrors: [],
    compositionHints: [],
    breaking: [],
    dangerous: [],
    safe: [],
    brokenOperations: [],
    subgraphs,
  };

  const composition = composeSubgraphs(subgraphs);
  if (!composition.ok) {
    report.compositionErrors = composition.errors;
    report.refusals = composition.errors.map((e) => `composition: ${e.code}: ${e.message}`);
    return report;
  }
  report.compositionHints = composition.hints;
  report.supergraphSdl = composition.supergraphSdl;

  let nextSchema: GraphQLSchema;
  try {
    nextSchema = apiSchemaOf(composition.supergraphSdl);
  } catch (error) {
    report.refusals = [`the composed supergraph cannot be built: ${messageOf(error)}`];
    return report;
  }
  const previousSchema = current ? apiSchemaOf(current.supergraphSdl) : undefined;
  const operations = parsedOperations(clients);

  if (previousSchema) {
    const usage = operations.map((op) => ({
      op,
      used: coordinatesUsedBy(previousSchema, op.document),
    }));
    for (const change of await diff(previousSchema, nextSchema)) {
      const entry = describe(change, usage);
      const level = stringScalarCriticality(change) ?? change.criticality.level;
      if (level === CriticalityLevel.Breaking) report.breaking.push(entry);
      else if (level === CriticalityLevel.Dangerous) report.dangerous.push(entry);
      else report.safe.push(entry);
    }
  }

  for (const op of operations) {
    const errors = validate(nextSchema, op.document);
    if (errors.length > 0) {
      report.brokenOperations.push({
        client: op.client,
        operation: op.operation,
        errors: errors.map((e) => e.message),
      });
    }
  }

  for (const change of report.breaking) {
    for (const user of change.usedBy) {
      report.refusals.push(
        `breaking change used by operation ${user.operation} (client ${user.client}): ${change.path ?? change.type}: ${change.message}`,
      );
    }
  }
  for (const broken of report.brokenOperations) {
    const alreadyNamed = report.breaking.some((c) =>
      c.usedBy.some((u) => u.client === broken.client && u.operation === broken.operation),
    );
    if (alreadyNamed) continue;
    report.refusals.push(
      `operation ${broken.operation} (client ${broken.client}) would no longer validate: ${broken.errors.join('; ')}`,
    );
  }
  report.accepted = report.refusals.length === 0;
  return report;
}

interface ParsedOperation extends OperationRef {
  document: ReturnType<typeof parse>;
}

function parsedOperations(clients: readonly ClientOperations[]): ParsedOperation[] {
  return clients.flatMap((c) =>
    c.operations.map((op) => ({
      client: c.client,
      operation: op.name,
      document: parse(op.document),
    })),
  );
}

function describe(
  change: Change,
  usage: ReadonlyArray<{ op: ParsedOperation; used: ReadonlySet<string> }>,
): SchemaChange {
  const path = change.path;
  return {
    type: change.type,
    message: change.message,
    ...(path !== undefined && { path }),
    ...(change.criticality.reason !== undefined && { reason: change.criticality.reason }),
    usedBy:
      path === undefined
        ? []
        : usage
            .filter(({ used }) => changeAffects(path, used))
            .map(({ op }) => ({ client: op.client, operation: op.operation })),
  };
}
