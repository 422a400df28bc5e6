import { describe, expect, it } from 'vitest';
import {
  baseState,
  catalogueSdl,
  CATALOGUE_URL,
  consoleClient,
  CONSOLE_OPERATIONS,
  staffingSdl,
  STAFFING_URL,
} from '../test/fixture-sdl.js';
import { splitOperations } from './operation-usage.js';
import { checkProposal } from './schema-check.js';

const clients = [consoleClient(splitOperations(CONSOLE_OPERATIONS))];
const catalogue = (variant: Parameters<typeof catalogueSdl>[0]) => ({
  name: 'catalogue',
  url: CATALOGUE_URL,
  sdl: catalogueSdl(variant),
});

describe('checkProposal', () => {
  it('accepts an added field, reporting it as a safe change', async () => {
    const report = await checkProposal(baseState(), catalogue('withNickname'), clients);

    expect(report.accepted).toBe(true);
    expect(report.refusals).toEqual([]);
    expect(report.safe.map((c) => c.path)).toContain('Division.nickname');
    expect(report.supergraphSdl).toContain('nickname');
  });

  it('refuses removing a field a registered operation uses, naming the operation and the field', async () => {
    const report = await checkProposal(baseState(), catalogue('withoutName'), clients);

    expect(report.accepted).toBe(false);
    const removal = report.breaking.find((c) => c.path === 'Division.name');
    expect(removal?.usedBy).toEqual([{ client: 'console', operation: 'DivisionNames' }]);
    expect(report.refusals).toContainEqual(
      expect.stringMatching(/operation DivisionNames \(client console\).*Division\.name/),
    );
    // Headcounts reads `kind`, whose SUPERVISION value also went: an output enum losing a value
    // breaks no query, so only DivisionNames is named.
    expect(report.refusals.join('\n')).not.toContain('Headcounts');
  });

  it('allows a breaking change no registered operation uses, and reports it', async () => {
    const onlyHeadcounts = [
      consoleClient(splitOperations('query H { division(id: "1") { headcount } }')),
    ];
    const report = await checkProposal(baseState(), catalogue('withoutName'), onlyHeadcounts);

    expect(report.accepted).toBe(true);
    expect(report.breaking.map((c) => [c.path, c.usedBy])).toContainEqual(['Division.name', []]);
  });

  it('refuses a new required argument on a field an operation selects', async () => {
    const report = await checkProposal(baseState(), catalogue('requiredArg'), clients);

    expect(report.accepted).toBe(false);
    expect(report.breaking.find((c) => c.path === 'Query.divisions.officeId')?.usedBy).toEqual([
      { client: 'console', operation: 'DivisionNames' },
    ]);
    expect(report.brokenOperations.map((o) => o.operation)).toEqual(['DivisionNames']);
  });

  it('refuses a used field becoming nullable: clients written for String! may not expect null', async () => {
    const report = await checkProposal(baseState(), catalogue('nameNullable'), clients);

    expect(report.accepted).toBe(false);
    expect(report.breaking.find((c) => c.path === 'Division.name')?.usedBy).toHaveLength(1);
    // Still valid GraphQL for the operation: the usage check, not validation, refuses it.
    expect(report.brokenOperations).toEqual([]);
  });

  it('reports a new enum value as dangerous without refusing', async () => {
    const report = await checkProposal(baseState(), catalogue('moreKinds'), clients);

    expect(report.accepted).toBe(true);
    expect(report.dangerous.map((c) => c.path)).toEqual(['DivisionKind.ARCHIVE']);
  });

  it('refuses an SDL that does not compose with the others, with the composition error', async () => {
    const report = await checkProposal(
      baseState(),
      { name: 'staffing', url: STAFFING_URL, sdl: staffingSdl('clash') },
      clients,
    );

    expect(report.accepted).toBe(false);
    expect(report.supergraphSdl).toBeUndefined();
    expect(report.compositionErrors.length).toBeGreaterThan(0);
    expect(report.refusals[0]).toMatch(/^composition: /);
  });

  it('refuses an SDL that is not GraphQL', async () => {
    const report = await checkProposal(baseState(), { ...catalogue('base'), sdl: 'type {' }, []);

    expect(report.compositionErrors[0]?.code).toBe('INVALID_GRAPHQL');
  });

  it('accepts the first subgraph of an empty registry', async () => {
    const report = await checkProposal(undefined, catalogue('base'), []);

    expect(report.accepted).toBe(true);
    expect(report.breaking).toEqual([]);
  });
});

describe('splitOperations', () => {
  it('keeps each operation with only the fragments it uses', () => {
    const [names, headcounts] = splitOperations(CONSOLE_OPERATIONS);

    expect(names?.name).toBe('DivisionNames');
    expect(names?.document).toContain('fragment Named');
    expect(headcounts?.document).not.toContain('fragment Named');
  });

  it('refuses an anonymous operation', () => {
    expect(() => splitOperations('{ divisions(limit: 1) { id } }')).toThrow(/needs a name/);
  });
});
