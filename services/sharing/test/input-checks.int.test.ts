import { sharingEvents } from '@heli/event-contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSharing, type Json, type Sharing } from './sharing-harness.js';

/** What the exploratory test found wrong with input, permissions and visibility, each refused. */

let sharing: Sharing;
let documentId: string;

const REGISTER = `mutation ($input: RegisterDocumentInput!) { registerDocument(input: $input) { id } }`;
const DISTRIBUTE = `mutation ($input: DistributeDocumentInput!) { distributeDocument(input: $input) { id } }`;
const START = `mutation ($input: StartCirculationInput!) { startCirculation(input: $input) { id } }`;
const INSTRUCT = `mutation ($input: IssueInstructionInput!) { issueInstruction(input: $input) { id } }`;
const SUBMIT = `mutation ($input: SubmitInfoInput!) { submitInfo(input: $input) { id } }`;
const ADOPT = `mutation ($id: ID!) { adoptInfo(id: $id) { id status } }`;
const COMPILE = `mutation ($input: CompileInfoDigestInput!) { compileInfoDigest(input: $input) { id } }`;
const SCHEDULE = `mutation ($input: ScheduleInfoDigestInput!) { scheduleInfoDigest(input: $input) { id } }`;
const PUBLISH = `mutation ($input: PublishCatalogEntryInput!) { publishCatalogEntry(input: $input) { id } }`;
const CITE = `mutation ($input: CiteCatalogEntryInput!) { citeCatalogEntry(input: $input) { id } }`;
const ACKNOWLEDGE = `mutation ($input: AcknowledgeReadingInput!) { acknowledgeReading(input: $input) { id } }`;
const FEATURE = `mutation ($input: PublishFeaturedIssueInput!) { publishFeaturedIssue(input: $input) { id } }`;
const STATS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Division { distributionStats { requested } } } }`;

const hoursFromNow = (hours: number) =>
  new Date(sharing.clock.now().getTime() + hours * 3_600_000).toISOString();
const incoming = (documentNumber: string, issuedOn = '2026-02-27') => ({
  kind: 'PROVINCIAL',
  title: '关于进一步加强政务资源共享工作的通知',
  documentNumber,
  issuer: '中共黑龙江省委办公厅',
  issuedOn,
  classification: 'INTERNAL',
});
const errorOf = (body: Json) => {
  expect(body.errors).toHaveLength(1);
  return body.errors[0];
};
const ok = (body: Json) => {
  expect(body.errors).toBeUndefined();
  return body.data;
};

beforeAll(async () => {
  sharing = await startSharing();
  await sharing.publishDemoOrganisation();
  await sharing.models.directoryStaff.create({
    _id: 'staff-left',
    officeId: 'office-harbin',
    divisionId: 'div-legal',
    name: '王离职',
    clearance: 'SECRET',
    active: false,
  });
  const { body } = await sharing.as('staff-secretariat-1', REGISTER, {
    input: incoming('黑办发〔2026〕12号'),
  });
  documentId = ok(body).registerDocument.id;
});

afterAll(async () => {
  await sharing?.close();
});

describe('Document.circulations (finding 4)', () => {
  it('shows a circulation only to those who may follow it', async () => {
    ok(
      (
        await sharing.as('staff-secretariat-1', DISTRIBUTE, {
          input: { documentId, divisionIds: ['div-research'], dueAt: hoursFromNow(24) },
        })
      ).body,
    );
    const started = await sharing.as('staff-secretariat-1', START, {
      input: {
        documentId,
        route: ['staff-director', 'staff-secretariat-head'],
        hopTimeLimitHours: 24,
      },
    });
    const circulationId = ok(started.body).startCirculation.id;
    const query = `{ document(id: "${documentId}") { id circulations { id } } }`;

    // A member of a recipient division sees the document, but is not on the route.
    const recipient = await sharing.as('staff-research-1', query);
    expect(ok(recipient.body).document).toEqual({ id: documentId, circulations: [] });
    const reader = await sharing.as('staff-director', query);
    expect(ok(reader.body).document.circulations).toEqual([{ id: circulationId }]);
  });
});

describe('unknown and departed recipients (finding 5)', () => {
  it('refuses a distribution to them, naming each, and writes nothing', async () => {
    const before = await sharing.models.readingRequests.countDocuments();
    const { body } = await sharing.as('staff-secretariat-1', DISTRIBUTE, {
      input: {
        documentId,
        staffIds: ['staff-nope', 'staff-left', 'staff-director'],
        divisionIds: ['div-nope'],
        dueAt: hoursFromNow(24),
      },
    });
    expect(errorOf(body)).toMatchObject({
      message: '找不到人员“staff-nope”；王离职已离职或停用，不能作为接收人；找不到处室“div-nope”',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await sharing.models.readingRequests.countDocuments()).toBe(before);
    expect(await sharing.models.distributions.countDocuments()).toBe(1);
  });

  it('refuses a circulation route with them', async () => {
    const { body } = await sharing.as('staff-secretariat-1', START, {
      input: { documentId, route: ['staff-director', 'staff-nope'], hopTimeLimitHours: 24 },
    });
    expect(errorOf(body)).toMatchObject({
      message: '找不到人员“staff-nope”',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await sharing.models.circulations.countDocuments()).toBe(1);
  });

  it('refuses an instruction naming an unknown lead or co-organising division', async () => {
    for (const named of [
      { leadDivisionId: 'div-nope' },
      { leadDivisionId: 'div-research', coDivisionIds: ['div-nope'] },
    ]) {
      const { body } = await sharing.as('staff-director', INSTRUCT, {
        input: { documentId, text: '请研究办理', ...named },
      });
      expect(errorOf(body)).toMatchObject({
        message: '找不到处室“div-nope”',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    expect(await sharing.models.instructions.countDocuments()).toBe(0);
    expect(await sharing.outboxEvents(sharingEvents.instructionIssued)).toHaveLength(0);
  });

  it('refuses a digest to them without using up the adopted items, and a schedule to them', async () => {
    const submitted = await sharing.as('staff-research-1', SUBMIT, {
      input: { title: '区县动态', content: '道里区推进政务服务“一网通办”' },
    });
    const submissionId = ok(submitted.body).submitInfo.id;
    ok((await sharing.as('staff-secretariat-1', ADOPT, { id: submissionId })).body);

    const compiled = await sharing.as('staff-secretariat-1', COMPILE, {
      input: { title: '信息汇编', distribution: { divisionIds: ['div-nope'], readingHours: 24 } },
    });
    expect(errorOf(compiled.body).extensions.code).toBe('BAD_USER_INPUT');
    expect(await sharing.models.infoDigests.countDocuments()).toBe(0);
    expect(await sharing.models.infoSubmissions.findById(submissionId).lean()).toMatchObject({
      digestIds: [],
    });

    const scheduled = await sharing.as('staff-secretariat-1', SCHEDULE, {
      input: {
        title: '每周信息',
        everyDays: 7,
        firstRunAt: hoursFromNow(24),
        staffIds: ['nope'],
        readingHours: 24,
      },
    });
    expect(errorOf(scheduled.body)).toMatchObject({
      message: '找不到人员“nope”',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await sharing.models.digestSchedules.countDocuments()).toBe(0);
  });
});

describe('score inflation (finding 6)', () => {
  it('refuses adopting an item of the adopter’s own division', async () => {
    const submitted = await sharing.as('staff-secretariat-1', SUBMIT, {
      input: { title: '秘书处动态', content: '本周工作安排' },
    });
    const { body } = await sharing.as('staff-secretariat-2', ADOPT, {
      id: ok(submitted.body).submitInfo.id,
    });
    expect(errorOf(body)).toMatchObject({
      message: '不能采用本处室报送的信息：采用计入报送处室的得分',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await sharing.outboxEvents(sharingEvents.infoAdopted)).toHaveLength(1);
  });

  it('refuses a second citation of an entry by the same division, which would score again', async () => {
    const published = await sharing.as('staff-research-head', PUBLISH, {
      input: { title: '资源共享调研报告', summary: '各处室做法', classification: 'INTERNAL' },
    });
    const entryId = ok(published.body).publishCatalogEntry.id;
    ok((await sharing.as('staff-legal-1', CITE, { input: { entryId } })).body);
    for (const citer of ['staff-legal-1', 'staff-legal-head']) {
      const { body } = await sharing.as(citer, CITE, { input: { entryId } });
      expect(errorOf(body)).toMatchObject({
        message: '本处室已引用过该条目，无需重复引用',
        extensions: { code: 'CONFLICT' },
      });
    }
    expect(await sharing.outboxEvents(sharingEvents.catalogEntryCited)).toHaveLength(1);
    expect(await sharing.models.catalogEntries.findById(entryId).lean()).toMatchObject({
      citationCount: 1,
    });
    // Another division citing it is new reuse.
    ok((await sharing.as('staff-general-1-1', CITE, { input: { entryId } })).body);
  });
});

describe('length limits (finding 10)', () => {
  it('refuses an over-long reading comment and leaves the request unread', async () => {
    const request = await sharing.models.readingRequests
      .findOne({ recipientDivisionId: 'div-research' })
      .lean();
    const { body } = await sharing.as('staff-research-1', ACKNOWLEDGE, {
      input: { readingRequestId: request!._id, comment: '阅'.repeat(2_001) },
    });
    expect(errorOf(body)).toMatchObject({
      message: '阅知意见不能超过 2000 个字',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await sharing.models.readingRequests.findById(request!._id).lean()).toMatchObject({
      acknowledgedAt: null,
    });
  });

  it('refuses an over-long citation note', async () => {
    const entry = await sharing.models.catalogEntries.findOne().lean();
    const { body } = await sharing.as('staff-information-1', CITE, {
      input: { entryId: entry!._id, note: '注'.repeat(2_001) },
    });
    expect(errorOf(body).extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('incoming documents (finding 11)', () => {
  it('refuses a 文号 the office has already registered, from any division', async () => {
    for (const registrar of ['staff-secretariat-1', 'staff-research-head']) {
      const { body } = await sharing.as(registrar, REGISTER, {
        input: incoming(' 黑办发〔2026〕12号 '),
      });
      expect(errorOf(body)).toMatchObject({
        message: '文号为“黑办发〔2026〕12号”的来文已经登记，请勿重复登记',
        extensions: { code: 'CONFLICT' },
      });
    }
    expect(
      await sharing.models.documents.countDocuments({ documentNumber: '黑办发〔2026〕12号' }),
    ).toBe(1);
  });

  it('refuses an incoming document dated in the future', async () => {
    const { body } = await sharing.as('staff-secretariat-1', REGISTER, {
      input: incoming('黑办发〔2026〕99号', '2099-01-01'),
    });
    expect(errorOf(body)).toMatchObject({
      message: '成文日期不能晚于今天',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('refusals and messages (findings 12 and 14)', () => {
  it('answers permission refusals FORBIDDEN', async () => {
    const aboveClearance = await sharing.as('staff-legal-2', REGISTER, {
      input: incoming('黑办发〔2026〕20号'),
    });
    expect(errorOf(aboveClearance.body)).toMatchObject({
      message: '不能登记高于本人涉密等级的文件',
      extensions: { code: 'FORBIDDEN' },
    });
    const liaisonRegisters = await sharing.as('staff-province-liaison', REGISTER, {
      input: incoming('黑办发〔2026〕21号'),
    });
    expect(errorOf(liaisonRegisters.body).extensions.code).toBe('FORBIDDEN');
    const liaisonPublishes = await sharing.as('staff-province-liaison', PUBLISH, {
      input: { title: '经验', summary: '做法', classification: 'PUBLIC' },
    });
    expect(errorOf(liaisonPublishes.body)).toMatchObject({
      message: '只有处室可以发布查阅条目',
      extensions: { code: 'FORBIDDEN' },
    });
    const aboveToPublish = await sharing.as('staff-legal-2', PUBLISH, {
      input: { title: '经验', summary: '做法', classification: 'INTERNAL' },
    });
    expect(errorOf(aboveToPublish.body).extensions.code).toBe('FORBIDDEN');

    const publicEntry = await sharing.as('staff-research-head', PUBLISH, {
      input: { title: '公开经验', summary: '公开做法', classification: 'PUBLIC' },
    });
    const liaisonCites = await sharing.as('staff-province-liaison', CITE, {
      input: { entryId: ok(publicEntry.body).publishCatalogEntry.id },
    });
    expect(errorOf(liaisonCites.body)).toMatchObject({
      message: '只有处室可以引用查阅条目',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('wants a target on a link and an http(s) address on an EXTERNAL one', async () => {
    const before = await sharing.models.catalogEntries.countDocuments();
    for (const [targetId, message] of [
      ['', '请填写链接目标'],
      ['javascript:alert(1)', '外部链接须为 http:// 或 https:// 开头的网址'],
    ]) {
      const { body } = await sharing.as('staff-research-head', PUBLISH, {
        input: {
          title: '外部资料',
          summary: '链接',
          classification: 'PUBLIC',
          link: { kind: 'EXTERNAL', targetId },
        },
      });
      expect(errorOf(body)).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    }
    expect(await sharing.models.catalogEntries.countDocuments()).toBe(before);
    ok(
      (
        await sharing.as('staff-research-head', PUBLISH, {
          input: {
            title: '外部资料',
            summary: '链接',
            classification: 'PUBLIC',
            link: { kind: 'EXTERNAL', targetId: 'https://www.hlj.gov.cn/' },
          },
        })
      ).body,
    );
  });

  it('names the unknown entry of a featured issue', async () => {
    const { body } = await sharing.as('staff-secretariat-1', FEATURE, {
      input: { title: '精品交流', catalogEntryIds: ['entry-nope'], readingHours: 24 },
    });
    expect(errorOf(body)).toMatchObject({
      message: '找不到查阅条目：entry-nope',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('answers a reading request above the reader’s clearance NOT_FOUND, like a missing one', async () => {
    const secret = await sharing.as('staff-secretariat-head', REGISTER, {
      input: { kind: 'INFORMATION_BULLETIN', title: '内部情况通报', classification: 'SECRET' },
    });
    const secretId = ok(secret.body).registerDocument.id;
    ok(
      (
        await sharing.as('staff-secretariat-head', DISTRIBUTE, {
          input: { documentId: secretId, divisionIds: ['div-legal'], dueAt: hoursFromNow(24) },
        })
      ).body,
    );
    const request = await sharing.models.readingRequests.findOne({ documentId: secretId }).lean();
    const { body } = await sharing.as('staff-legal-2', ACKNOWLEDGE, {
      input: { readingRequestId: request!._id },
    });
    expect(errorOf(body)).toMatchObject({
      message: expect.not.stringContaining('涉密'),
      extensions: { code: 'NOT_FOUND' },
    });
  });
});

describe('Division.distributionStats (finding 13)', () => {
  const statsOf = async (viewer: string, divisionId: string) =>
    (await sharing.as(viewer, STATS, { r: [{ __typename: 'Division', id: divisionId }] })).body;

  it('is for the division’s own people and office leadership only', async () => {
    const outsider = await statsOf('staff-research-1', 'div-legal');
    expect(errorOf(outsider)).toMatchObject({
      message: '只有本处室人员和厅领导可以查看处室的阅知情况',
      extensions: { code: 'FORBIDDEN' },
    });
    const liaison = await statsOf('staff-province-liaison', 'div-legal');
    expect(errorOf(liaison).extensions.code).toBe('FORBIDDEN');
    expect(ok(await statsOf('staff-director', 'div-legal'))._entities).toEqual([
      { distributionStats: { requested: 1 } },
    ]);
  });

  it('counts only documents within the viewer’s clearance', async () => {
    // div-legal was sent one SECRET document above.
    expect(ok(await statsOf('staff-legal-head', 'div-legal'))._entities).toEqual([
      { distributionStats: { requested: 1 } },
    ]);
    expect(ok(await statsOf('staff-legal-1', 'div-legal'))._entities).toEqual([
      { distributionStats: { requested: 0 } },
    ]);
  });
});
