import { sharingEvents } from '@heli/event-contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSharing, type Json, type Sharing } from './sharing-harness.js';

let sharing: Sharing;

const SUBMIT = `mutation ($input: SubmitInfoInput!) { submitInfo(input: $input) { id status submitterDivision { id } submitterOffice { id } } }`;
const ADOPT = `mutation ($id: ID!) { adoptInfo(id: $id) { id status decidedBy { id } } }`;
const RETURN = `mutation ($id: ID!, $reason: String!) { returnInfo(id: $id, reason: $reason) { id status returnReason } }`;
const COMPILE = `
  mutation ($input: CompileInfoDigestInput!) {
    compileInfoDigest(input: $input) {
      id title items { id title digests { id } }
      document { id kind classification body }
      distribution { recipientCount }
      circulation { currentHolder { id } }
    }
  }`;

const submit = async (who: string, title: string, content = `${title}。具体情况如下……`) => {
  const { body } = await sharing.as(who, SUBMIT, { input: { title, content } });
  expect(body.errors).toBeUndefined();
  return body.data.submitInfo;
};

beforeAll(async () => {
  sharing = await startSharing();
  await sharing.publishDemoOrganisation();
});

afterAll(async () => {
  await sharing?.close();
});

describe('information collection (信息报送)', () => {
  it('takes submissions from divisions and outside bodies and announces them', async () => {
    const fromDivision = await submit('staff-information-1', '我市政务服务事项网上可办率达96%');
    expect(fromDivision).toMatchObject({
      status: 'SUBMITTED',
      submitterDivision: { id: 'div-information' },
      submitterOffice: { id: 'office-harbin' },
    });
    const fromDistrict = await submit('staff-daoli-liaison', '道里区建立区级资源共享目录');
    expect(fromDistrict).toMatchObject({
      submitterDivision: null,
      submitterOffice: { id: 'office-daoli' },
    });
    const events = await sharing.outboxEvents(sharingEvents.infoSubmitted);
    expect(events.map((event) => event.data.submitterOfficeId)).toEqual([
      'office-harbin',
      'office-daoli',
    ]);
  });

  it('never asks for the same item twice: a duplicate points to the existing one', async () => {
    const { body } = await sharing.as('staff-information-1', SUBMIT, {
      input: { title: '我市政务服务事项网上可办率达96%', content: '重复报送' },
    });
    expect(body.errors[0].extensions.code).toBe('CONFLICT');
    expect(body.errors[0].message).toContain('请直接引用');
  });

  it('lets the secretariat adopt and return with a reason, once, and nobody else', async () => {
    const item = await submit('staff-general-2-2', '冰雪旅游接待人次同比增长');
    const outsider = await sharing.as('staff-general-2-head', ADOPT, { id: item.id });
    expect(outsider.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const noReason = await sharing.as('staff-secretariat-deputy', RETURN, {
      id: item.id,
      reason: ' ',
    });
    expect(noReason.body.errors[0].message).toBe('退回时请说明理由');
    const returned = await sharing.as('staff-secretariat-deputy', RETURN, {
      id: item.id,
      reason: '数据需与统计局核实',
    });
    expect(returned.body.data.returnInfo).toMatchObject({
      status: 'RETURNED',
      returnReason: '数据需与统计局核实',
    });
    const again = await sharing.as('staff-secretariat-deputy', ADOPT, { id: item.id });
    expect(again.body.errors[0]).toMatchObject({
      message: '该信息已退回',
      extensions: { code: 'CONFLICT' },
    });

    const [event] = await sharing.outboxEvents(sharingEvents.infoReturned);
    expect(event!.data).toMatchObject({
      submissionId: item.id,
      reason: '数据需与统计局核实',
      returnedByStaffId: 'staff-secretariat-deputy',
    });
  });

  it('shows submitters their own items and the secretariat all of them', async () => {
    const list = `{ infoSubmissions(first: 100) { totalCount } }`;
    expect(
      (await sharing.as('staff-secretariat-2', list)).body.data.infoSubmissions.totalCount,
    ).toBe(3);
    expect(
      (await sharing.as('staff-information-head', list)).body.data.infoSubmissions.totalCount,
    ).toBe(1);
    expect((await sharing.as('staff-legal-1', list)).body.data.infoSubmissions.totalCount).toBe(0);
  });
});

describe('digests (信息汇编)', () => {
  it('compiles the adopted items into a digest distributed to the chosen readers', async () => {
    const pending = (await sharing.models.infoSubmissions.find({ status: 'SUBMITTED' }).lean()).map(
      (item) => item._id,
    );
    for (const id of pending) {
      const { body } = await sharing.as('staff-secretariat-deputy', ADOPT, { id });
      expect(body.data.adoptInfo.status).toBe('ADOPTED');
    }
    expect(await sharing.outboxEvents(sharingEvents.infoAdopted)).toHaveLength(2);

    const { body } = await sharing.as('staff-secretariat-deputy', COMPILE, {
      input: {
        title: '信息汇编（2026年第9期）',
        distribution: {
          staffIds: ['staff-director'],
          divisionIds: ['div-general-1', 'div-research'],
          readingHours: 48,
        },
      },
    });
    expect(body.errors).toBeUndefined();
    const digest = body.data.compileInfoDigest;
    expect(digest.items).toHaveLength(2);
    expect(
      digest.items.every((item: Json) => item.digests.some((d: Json) => d.id === digest.id)),
    ).toBe(true);
    expect(digest.document).toMatchObject({
      kind: 'INFORMATION_DIGEST',
      classification: 'INTERNAL',
    });
    // Both were adopted at the same instant (the clock stands still), so either may come first.
    expect(digest.document.body).toMatch(/^1\. .+\n[\s\S]+\n\n2\. /);
    expect(digest.document.body).toContain('我市政务服务事项网上可办率达96%');
    expect(digest.document.body).toContain('道里区建立区级资源共享目录');
    expect(digest.distribution.recipientCount).toBe(3);

    const inbox = await sharing.as(
      'staff-research-1',
      `{ readingInbox { edges { node { documentTitle } } } }`,
    );
    expect(inbox.body.data.readingInbox.edges[0].node.documentTitle).toBe(
      '信息汇编（2026年第9期）',
    );
  });

  it('shows a submitter following their item into a digest only their own item', async () => {
    const [own] = await sharing.models.infoSubmissions
      .find({ submittedByStaffId: 'staff-information-1' })
      .lean();
    const { body } = await sharing.as(
      'staff-information-1',
      `query ($id: ID!) { infoSubmission(id: $id) { digests { items { id } distribution { id } } } }`,
      { id: own!._id },
    );
    expect(body.data.infoSubmission.digests).toEqual([
      { items: [{ id: own!._id }], distribution: null },
    ]);
  });

  it('has nothing to compile once every adopted item went out', async () => {
    const { body } = await sharing.as('staff-secretariat-deputy', COMPILE, {
      input: { title: '空汇编', distribution: { divisionIds: ['div-legal'], readingHours: 24 } },
    });
    expect(body.errors[0].message).toBe('没有可汇编的已采用信息');
  });

  it('reuses an item by reference in a circulated digest', async () => {
    const [reused] = await sharing.models.infoSubmissions
      .find({ status: 'ADOPTED' })
      .sort({ decidedAt: 1 })
      .lean();
    const { body } = await sharing.as('staff-secretariat-deputy', COMPILE, {
      input: {
        title: '领导参阅（第3期）',
        submissionIds: [reused!._id],
        circulation: { route: ['staff-director', 'staff-executive-deputy'], hopTimeLimitHours: 24 },
      },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.compileInfoDigest.circulation.currentHolder.id).toBe('staff-director');
    expect(body.data.compileInfoDigest.items[0].digests).toHaveLength(2);
    expect(await sharing.models.infoSubmissions.countDocuments()).toBe(3);
  });

  it('sends a scheduled digest when it is due, only when there is something adopted', async () => {
    const schedule = `mutation ($input: ScheduleInfoDigestInput!) { scheduleInfoDigest(input: $input) { id nextRunAt } }`;
    const { body } = await sharing.as('staff-secretariat-deputy', schedule, {
      input: {
        title: '每周信息汇编',
        everyDays: 7,
        firstRunAt: '2026-03-03T01:00:00Z',
        divisionIds: ['div-general-2'],
        readingHours: 48,
      },
    });
    expect(body.errors).toBeUndefined();

    sharing.clock.set('2026-03-03T02:00:00Z');
    expect((await sharing.sweep()).digestsSent).toBe(0);
    const item = await submit('staff-general-2-1', '哈尔滨新区重点项目开工情况');
    await sharing.as('staff-secretariat-deputy', ADOPT, { id: item.id });
    expect((await sharing.sweep()).digestsSent).toBe(0);

    sharing.clock.set('2026-03-10T01:30:00Z');
    expect((await sharing.sweep()).digestsSent).toBe(1);
    expect((await sharing.sweep()).digestsSent).toBe(0);
    const inbox = await sharing.as(
      'staff-general-2-head',
      `{ readingInbox { edges { node { documentTitle } } } }`,
    );
    expect(inbox.body.data.readingInbox.edges[0].node.documentTitle).toBe(
      '每周信息汇编（2026-03-10）',
    );
  });
});

describe('featured exchange (精品交流)', () => {
  it('curates entries and items into an issue sent to every division', async () => {
    const entry = await sharing.as(
      'staff-research-head',
      `mutation { publishCatalogEntry(input: { title: "基层政务资源整合调研", summary: "十二个区县的做法", classification: INTERNAL }) { id } }`,
    );
    const secretEntry = await sharing.as(
      'staff-confidential-head',
      `mutation { publishCatalogEntry(input: { title: "涉密载体管理办法", summary: "保密规定", classification: SECRET }) { id } }`,
    );
    const [adopted] = await sharing.models.infoSubmissions.find({ status: 'ADOPTED' }).lean();
    const publish = `mutation ($input: PublishFeaturedIssueInput!) { publishFeaturedIssue(input: $input) { id items { kind sourceDivision { id } } document { kind } } }`;

    const refused = await sharing.as('staff-secretariat-deputy', publish, {
      input: {
        title: '精品交流（第1期）',
        catalogEntryIds: [secretEntry.body.data.publishCatalogEntry.id],
        readingHours: 72,
      },
    });
    expect(refused.body.errors[0].message).toContain('只能选用公开或内部条目');

    const { body } = await sharing.as('staff-secretariat-deputy', publish, {
      input: {
        title: '精品交流（第1期）',
        catalogEntryIds: [entry.body.data.publishCatalogEntry.id],
        infoSubmissionIds: [adopted!._id],
        readingHours: 72,
      },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.publishFeaturedIssue.items.map((item: Json) => item.kind)).toEqual([
      'CATALOG_ENTRY',
      'INFO_SUBMISSION',
    ]);
    const [event] = await sharing.outboxEvents(sharingEvents.featuredIssuePublished);
    expect(event!.data.items[0]).toEqual({
      kind: 'CATALOG_ENTRY',
      itemId: entry.body.data.publishCatalogEntry.id,
      sourceDivisionId: 'div-research',
    });
    const distributed = (await sharing.outboxEvents(sharingEvents.documentDistributed)).at(-1)!;
    expect(distributed.data.recipientDivisionIds).toHaveLength(10);
  });
});
