import { sharingEvents } from '@heli/event-contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSharing, type Json, type Sharing } from './sharing-harness.js';

/**
 * Duplicates under concurrency and the 文号 existence oracle: many attempts at once end with
 * exactly one record and one event, and a refusal never tells a registrar about a document above
 * their clearance.
 */

let sharing: Sharing;

const REGISTER = `mutation ($input: RegisterDocumentInput!) { registerDocument(input: $input) { id title classification } }`;
const SUBMIT = `mutation ($input: SubmitInfoInput!) { submitInfo(input: $input) { id } }`;
const ADOPT = `mutation ($id: ID!) { adoptInfo(id: $id) { id status } }`;

const AT_ONCE = 8;
const ROUNDS = 3;

const incoming = (documentNumber: string, classification = 'INTERNAL') => ({
  kind: 'MUNICIPAL',
  title: '关于开展专项督查工作的通知',
  documentNumber,
  issuer: '中共哈尔滨市纪律检查委员会',
  issuedOn: '2026-02-10',
  classification,
});

beforeAll(async () => {
  sharing = await startSharing();
  await sharing.publishDemoOrganisation();
});

afterAll(() => sharing?.close());

const registeredEvents = async (documentIds: readonly string[]) =>
  (await sharing.outboxEvents(sharingEvents.documentRegistered)).filter((event: Json) =>
    documentIds.includes(event.data.documentId),
  );

describe('registering one 文号 many times at once', () => {
  it('stores one document and announces it once; the others are told it is registered', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const number = `哈办发〔2026〕${100 + round}号`;
      const people = ['staff-secretariat-1', 'staff-secretariat-3', 'staff-general-1-1'];
      const answers = await Promise.all(
        Array.from({ length: AT_ONCE }, (_, i) =>
          sharing.as(people[i % people.length]!, REGISTER, { input: incoming(number) }),
        ),
      );

      const won = answers.filter((answer) => answer.body.errors === undefined);
      expect(won, `round ${round}`).toHaveLength(1);
      for (const lost of answers.filter((answer) => answer.body.errors !== undefined)) {
        expect(lost.body.errors[0]).toMatchObject({
          message: `文号为“${number}”的来文已经登记，请勿重复登记`,
          extensions: { code: 'CONFLICT' },
        });
      }
      const stored = await sharing.models.documents.find({ documentNumber: number }).lean();
      expect(stored).toHaveLength(1);
      expect(await registeredEvents(stored.map((document) => document._id))).toHaveLength(1);
    }
  });

  it('treats the same number typed with full-width digits or spaces as the same number', async () => {
    const first = await sharing.as('staff-secretariat-1', REGISTER, {
      input: incoming('哈办发〔2026〕200号'),
    });
    expect(first.body.errors).toBeUndefined();
    const again = await sharing.as('staff-secretariat-3', REGISTER, {
      input: incoming('哈办发 〔２０２６〕２００号'),
    });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('the 文号 of a document above the registrar’s clearance', () => {
  it('gets the same answer as a number nobody holds: no refusal reveals the hidden document', async () => {
    const hidden = await sharing.as('staff-secretariat-head', REGISTER, {
      input: incoming('哈委纪〔2026〕5号', 'SECRET'),
    });
    expect(hidden.body.errors).toBeUndefined();

    // staff-secretariat-2 is cleared INTERNAL: one number is held by the SECRET document, one by nobody.
    const held = await sharing.as('staff-secretariat-2', REGISTER, {
      input: incoming('哈委纪〔2026〕5号'),
    });
    const free = await sharing.as('staff-secretariat-2', REGISTER, {
      input: incoming('哈委纪〔2026〕6号'),
    });

    expect(held.body.errors).toBeUndefined();
    expect(free.body.errors).toBeUndefined();
    const shape = (body: Json) => ({
      ...body.data.registerDocument,
      id: typeof body.data.registerDocument.id,
    });
    expect(shape(held.body)).toEqual(shape(free.body));
    expect(held.status).toBe(free.status);

    // The hidden original is untouched and still the one that holds the number.
    const holder = await sharing.models.documents
      .findOne({ documentNumber: '哈委纪〔2026〕5号', classification: 'SECRET' })
      .lean();
    expect(holder?._id).toBe(hidden.body.data.registerDocument.id);
    expect(holder?.readerStaffIds).toEqual(['staff-secretariat-head']);
  });

  it('is still refused to someone cleared for the document that holds it', async () => {
    const again = await sharing.as('staff-secretariat-deputy', REGISTER, {
      input: incoming('哈委纪〔2026〕5号', 'SECRET'),
    });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('submitting one item many times at once', () => {
  it('stores it once, by one person or by two of the same division, and it scores once when adopted', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const title = `第${round + 1}期：我市推进政务资源整合情况`;
      const people = ['staff-general-1-1', 'staff-general-1-2'];
      const answers = await Promise.all(
        Array.from({ length: AT_ONCE }, (_, i) =>
          sharing.as(people[round === 0 ? 0 : i % 2]!, SUBMIT, {
            input: { title, content: '各处室按照部署推进资源整合。' },
          }),
        ),
      );

      const won = answers.filter((answer) => answer.body.errors === undefined);
      expect(won, `round ${round}`).toHaveLength(1);
      for (const lost of answers.filter((answer) => answer.body.errors !== undefined)) {
        expect(lost.body.errors[0].extensions.code).toBe('CONFLICT');
      }
      const stored = await sharing.models.infoSubmissions.find({ title }).lean();
      expect(stored).toHaveLength(1);
      const submitted = (await sharing.outboxEvents(sharingEvents.infoSubmitted)).filter(
        (event: Json) => event.data.title === title,
      );
      expect(submitted).toHaveLength(1);

      const adopted = await sharing.as('staff-secretariat-head', ADOPT, { id: stored[0]!._id });
      expect(adopted.body.errors).toBeUndefined();
      const adoptions = (await sharing.outboxEvents(sharingEvents.infoAdopted)).filter(
        (event: Json) => event.data.title === title,
      );
      expect(adoptions).toHaveLength(1);
    }
  });

  it('lets a returned item be submitted again', async () => {
    const title = '退回后重新报送的信息';
    const first = await sharing.as('staff-general-2-1', SUBMIT, {
      input: { title, content: '初稿。' },
    });
    const id = first.body.data.submitInfo.id;
    const returned = await sharing.as(
      'staff-secretariat-head',
      `mutation ($id: ID!) { returnInfo(id: $id, reason: "请补充数据") { id status } }`,
      { id },
    );
    expect(returned.body.errors).toBeUndefined();
    const again = await sharing.as('staff-general-2-1', SUBMIT, {
      input: { title, content: '补充数据后的稿件。' },
    });
    expect(again.body.errors).toBeUndefined();
  });
});
