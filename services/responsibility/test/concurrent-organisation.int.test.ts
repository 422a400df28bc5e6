import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  responsibilityEvents,
  startResponsibility,
  type Responsibility,
} from './responsibility-harness.js';

/**
 * The organisation's "only one" rules hold when many admins act at once: of many concurrent
 * attempts exactly one succeeds and one event announces it.
 */
let responsibility: Responsibility;

const CREATE_OFFICE = `mutation($input: CreateOfficeInput!) { createOffice(input: $input) { id } }`;
const CREATE_DIVISION = `mutation($input: CreateDivisionInput!) { createDivision(input: $input) { id } }`;
const AT_ONCE = 8;

beforeAll(async () => {
  responsibility = await startResponsibility({ loadDemoData: false });
});
afterAll(() => responsibility?.close());

type Answer = Awaited<ReturnType<Responsibility['as']>>;

function exactlyOneWon(answers: Answer[], refusal: RegExp): string {
  const won = answers.filter((answer) => answer.body.errors === undefined);
  expect(won).toHaveLength(1);
  for (const lost of answers.filter((answer) => answer.body.errors !== undefined)) {
    expect(lost.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(lost.body.errors?.[0]?.message).toMatch(refusal);
  }
  return (Object.values(won[0]!.body.data ?? {})[0] as { id: string }).id;
}

describe('only one', () => {
  it('own office (本级办公厅), however many are created at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        responsibility.as('admin', CREATE_OFFICE, {
          input: { name: `中共哈尔滨市委办公厅${i}`, shortName: `市委办公厅${i}`, kind: 'OWN' },
        }),
      ),
    );
    const id = exactlyOneWon(answers, /^本级办公厅只能有一个/);
    expect(await responsibility.runtime.models.offices.countDocuments({ kind: 'OWN' })).toBe(1);
    const created = await responsibility.outboxEvents(responsibilityEvents.officeCreated);
    expect(created.map((event) => event.subject)).toEqual([id]);
  });

  it('secretariat per office, however many are created at once', async () => {
    const own = await responsibility.runtime.models.offices.findOne({ kind: 'OWN' }).lean();
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        responsibility.as('admin', CREATE_DIVISION, {
          input: { officeId: own!._id, name: `秘书处${i}`, kind: 'SECRETARIAT' },
        }),
      ),
    );
    const id = exactlyOneWon(answers, /^一个单位只能有一个秘书处/);
    expect(
      await responsibility.runtime.models.divisions.countDocuments({ kind: 'SECRETARIAT' }),
    ).toBe(1);
    const created = await responsibility.outboxEvents(responsibilityEvents.divisionCreated);
    expect(created.map((event) => event.subject)).toEqual([id]);
  });
});
