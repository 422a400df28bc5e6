import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeliClaims } from '@heli/auth';
import { claimsForStaff } from '@heli/demo-data';
import {
  createLiaisonSubgraph,
  generateSigningJwk,
  importSigningKey,
  signMessage,
  type LiaisonSettings,
  type Link,
} from '@heli/liaison';
import { freePort, waitFor } from '@heli/testkit';
import { startTestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { responsibilityPart, sharingPart } from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

const CITY = { id: 'office-harbin', name: '中共哈尔滨市委办公厅' };
const DISTRICT = { id: 'office-daoli', name: '中共哈尔滨市道里区委办公室' };

/** A person of the demo organisation working in `officeId`'s own Heli. */
const inOffice = (staffId: string, officeId: string): HeliClaims => ({
  ...claimsForStaff(staffId),
  officeId,
});
const cityLeader = inOffice('staff-executive-deputy', CITY.id);
const citySecretariat = inOffice('staff-secretariat-head', CITY.id);
const districtLeader = inOffice('staff-executive-deputy', DISTRICT.id);
const districtSecretariat = inOffice('staff-secretariat-head', DISTRICT.id);
const districtDivisionHead = inOffice('staff-general-1-head', DISTRICT.id);

/**
 * Two offices side by side, each its own stack — responsibility and liaison, own MongoDB, own NATS
 * namespace, own gateway, own key pair — linked city → district over an 内部 link.
 */
describe('the city office and the Daoli district office, each with its own Heli', () => {
  let city: Stack;
  let district: Stack;
  const settingsOf: Record<string, LiaisonSettings> = {};

  beforeAll(async () => {
    const ports = { [CITY.id]: await freePort(), [DISTRICT.id]: await freePort() };
    const keys = {
      [CITY.id]: await importSigningKey(await generateSigningJwk('office-harbin-2026')),
      [DISTRICT.id]: await importSigningKey(await generateSigningJwk('office-daoli-2026')),
    };
    const link = (office: typeof CITY, relation: Link['relation']): Link => ({
      officeId: office.id,
      name: office.name,
      relation,
      url: `http://127.0.0.1:${ports[office.id]}`,
      maxClassification: 'INTERNAL',
      publicKeys: [keys[office.id]!.publicJwk],
    });
    const liaisonPart = (office: typeof CITY, links: Link[]) => {
      const settings: LiaisonSettings = {
        office: { ...office, secretariatDivisionId: 'div-secretariat' },
        signingKey: keys[office.id]!,
        links,
        clock: { now: () => new Date() },
        relay: { intervalMs: 100, deliveryTimeoutMs: 2_000 },
      };
      settingsOf[office.id] = settings;
      return {
        definition: createLiaisonSubgraph({ settings, maxRetryDelayMs: 500 }),
        sdlDir: fileURLToPath(new URL('../../services/liaison/src/', import.meta.url)),
        env: { PORT: String(ports[office.id]) },
      };
    };
    [city, district] = await Promise.all([
      startStack([
        responsibilityPart(),
        sharingPart(),
        liaisonPart(CITY, [link(DISTRICT, 'LOWER')]),
      ]),
      startStack([
        responsibilityPart(),
        sharingPart(),
        liaisonPart(DISTRICT, [link(CITY, 'HIGHER')]),
      ]),
    ]);
  });

  afterAll(async () => {
    await city?.close();
    await district?.close();
  });

  const send = (stack: Stack, viewer: HeliClaims, input: Record<string, unknown>) =>
    stack.query(
      'mutation ($input: SendOfficialDocumentInput!) { sendOfficialDocument(input: $input) { id } }',
      { input },
      viewer,
    );
  const document = (over: Record<string, unknown>) => ({
    kind: 'NOTICE',
    mainRecipientIds: [DISTRICT.id],
    classification: 'INTERNAL',
    documentNumber: '哈委办发〔2026〕12号',
    title: '关于做好年底督查工作的通知',
    body: '各区县委办公室：……',
    writtenOn: '2026-12-01',
    ...over,
  });

  it('sends a signed 通知 down; it is registered as 收文 in the district sharing, signed for and distributed there; the city sees 已送达 then 已签收', async () => {
    const sent = await send(city, citySecretariat, document({}));
    expect(sent.body.errors).toBeUndefined();
    const id = (sent.body.data as { sendOfficialDocument: { id: string } }).sendOfficialDocument.id;

    // The district's sharing registers the 收文 for its secretariat, which signs for it there.
    const registered = await waitFor(
      async () => {
        const { incomingRegistrations } = await district.data<{
          incomingRegistrations: {
            edges: {
              node: {
                id: string;
                status: string;
                fromOfficeName: string;
                officialKind: string;
                document: { id: string; kind: string; title: string; documentNumber: string };
              };
            }[];
          };
        }>(
          districtSecretariat,
          '{ incomingRegistrations { edges { node { id status fromOfficeName officialKind document { id kind title documentNumber } } } } }',
        );
        return incomingRegistrations.edges.find((edge) => edge.node.id === id)?.node ?? null;
      },
      { description: 'the 收文 registered in the district sharing subgraph', timeoutMs: 60_000 },
    );
    expect(registered).toMatchObject({
      status: 'AWAITING_SIGNATURE',
      fromOfficeName: CITY.name,
      officialKind: 'NOTICE',
      document: {
        kind: 'INTER_OFFICE',
        title: '关于做好年底督查工作的通知',
        documentNumber: '哈委办发〔2026〕12号',
      },
    });
    const delivered = await waitFor(
      async () => {
        const { officialDocument } = await city.data<{
          officialDocument: { mainRecipients: { delivery: string; signedForAt: string | null }[] };
        }>(
          citySecretariat,
          'query ($id: ID!) { officialDocument(id: $id) { mainRecipients { delivery signedForAt } } }',
          { id },
        );
        const [recipient] = officialDocument.mainRecipients;
        return recipient?.delivery === 'DELIVERED' ? recipient : null;
      },
      { description: '已送达 at the city' },
    );
    expect(delivered.signedForAt).toBeNull();
    await district.data(
      districtSecretariat,
      'mutation ($id: ID!) { signForIncomingDocument(id: $id) { status } }',
      { id },
    );
    // …and distributes it to a division to read (分送), as any registered document.
    await district.data(
      districtSecretariat,
      'mutation ($input: DistributeDocumentInput!) { distributeDocument(input: $input) { id } }',
      {
        input: {
          documentId: registered.document.id,
          divisionIds: ['div-general-1'],
          dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        },
      },
    );

    const seen = await waitFor(
      async () => {
        const { office } = await city.data<{
          office: {
            shortName: string;
            outgoing: {
              edges: {
                node: {
                  title: string;
                  mainRecipients: { delivery: string; signedForAt: string | null }[];
                };
              }[];
            };
          };
        }>(
          citySecretariat,
          `{ office(id: "${DISTRICT.id}") { shortName outgoing { edges { node { title mainRecipients { delivery signedForAt } } } } } }`,
        );
        const recipient = office.outgoing.edges[0]?.node.mainRecipients[0];
        return recipient?.signedForAt ? office : null;
      },
      { description: '已签收 at the city', timeoutMs: 30_000 },
    );
    expect(seen.shortName).toBe('道里区委办公室');
    expect(seen.outgoing.edges[0]!.node.mainRecipients[0]!.delivery).toBe('DELIVERED');
  });

  it('assigns a matter down; the district takes it on, reports twice and completes; the city sees it all', async () => {
    const { assignMatterToOffice } = await city.data<{ assignMatterToOffice: { id: string } }>(
      cityLeader,
      'mutation ($input: AssignMatterToOfficeInput!) { assignMatterToOffice(input: $input) { id } }',
      {
        input: {
          officeId: DISTRICT.id,
          title: '开展年底督查',
          requirements: '对全区重点任务开展督查，每周报送进展',
          deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
          reportFrequency: 'WEEKLY',
          classification: 'INTERNAL',
        },
      },
    );
    const matterId = assignMatterToOffice.id;

    await waitFor(
      async () =>
        (
          await district.data<{ officeAssignments: unknown[] }>(
            districtLeader,
            '{ officeAssignments(side: RECEIVED_FROM_HIGHER) { id } }',
          )
        ).officeAssignments.length > 0,
      { description: 'the matter arrives in the district' },
    );
    await district.data(
      districtLeader,
      'mutation ($id: ID!) { acceptOfficeAssignment(input: { id: $id, leadDivisionId: "div-general-1" }) { status } }',
      { id: matterId },
    );
    const local = await waitFor(
      async () => {
        const { officeAssignments } = await district.data<{
          officeAssignments: {
            assignment: { id: string; title: string; assignedByOffice: { id: string } } | null;
          }[];
        }>(
          districtLeader,
          '{ officeAssignments(side: RECEIVED_FROM_HIGHER) { assignment { id title assignedByOffice { id } } } }',
        );
        return officeAssignments[0]?.assignment ?? null;
      },
      { description: 'the assigned matter in the district responsibility', timeoutMs: 30_000 },
    );
    expect(local.title).toBe('中共哈尔滨市委办公厅交办：开展年底督查');
    expect(local.assignedByOffice).toEqual({ id: CITY.id });

    const run = (viewer: HeliClaims, query: string) =>
      district.data(viewer, query, { id: local.id });
    await run(
      districtDivisionHead,
      'mutation ($id: ID!) { acceptAssignment(input: { id: $id }) { status } }',
    );
    for (const percent of [40, 80]) {
      await run(
        districtDivisionHead,
        `mutation ($id: ID!) { reportProgress(input: { assignmentId: $id, text: "督查推进中", percent: ${percent} }) { status } }`,
      );
    }
    await run(
      districtDivisionHead,
      'mutation ($id: ID!) { submitAssignmentResult(input: { id: $id, result: "督查报告已形成" }) { status } }',
    );
    await run(
      districtLeader,
      'mutation ($id: ID!) { completeAssignment(input: { id: $id }) { status } }',
    );

    const board = await waitFor(
      async () => {
        const { office } = await city.data<{
          office: {
            assignedMatters: {
              status: string;
              progress: number;
              updates: { type: string; percent: number | null }[];
            }[];
          };
        }>(
          cityLeader,
          `{ office(id: "${DISTRICT.id}") { assignedMatters { status progress updates { type percent onTime } } } }`,
        );
        const matter = office.assignedMatters[0];
        return matter?.status === 'COMPLETED' ? matter : null;
      },
      { description: 'the completion reported up to the city', timeoutMs: 30_000 },
    );
    expect(board.progress).toBe(100);
    expect(board.updates.map((update) => [update.type, update.percent])).toEqual([
      ['ACCEPTED', null],
      ['PROGRESS', 40],
      ['PROGRESS', 80],
      ['COMPLETED', null],
    ]);
  });

  it('carries a 请示 up and a linked 批复 down; refuses a 请示 sent down and a 机密 document on the 内部 link', async () => {
    const request = await send(
      district,
      districtSecretariat,
      document({
        kind: 'REQUEST',
        mainRecipientIds: [CITY.id],
        documentNumber: '道委办〔2026〕3号',
        title: '关于延长督查时限的请示',
        signer: '刘晓光',
      }),
    );
    expect(request.body.errors).toBeUndefined();
    const requestId = (request.body.data as { sendOfficialDocument: { id: string } })
      .sendOfficialDocument.id;
    await waitFor(
      async () =>
        (
          await city.query(
            'query ($id: ID!) { officialDocument(id: $id) { id } }',
            { id: requestId },
            citySecretariat,
          )
        ).body.data?.['officialDocument'],
      { description: 'the 请示 at the city' },
    );
    const reply = await send(
      city,
      citySecretariat,
      document({
        kind: 'REPLY',
        documentNumber: '哈委办函〔2026〕5号',
        title: '关于延长督查时限的批复',
        inReplyToId: requestId,
      }),
    );
    expect(reply.body.errors).toBeUndefined();
    const replyId = (reply.body.data as { sendOfficialDocument: { id: string } })
      .sendOfficialDocument.id;
    const answered = await waitFor(
      async () =>
        (
          await district.query(
            'query ($id: ID!) { officialDocument(id: $id) { kind inReplyTo { id kind } } }',
            { id: replyId },
            districtSecretariat,
          )
        ).body.data?.['officialDocument'],
      { description: 'the 批复 at the district' },
    );
    expect(answered).toEqual({ kind: 'REPLY', inReplyTo: { id: requestId, kind: 'REQUEST' } });

    const counts = async () => ({
      ...(await district.data<{
        officialDocuments: { totalCount: number };
        incomingRegistrations: { totalCount: number };
      }>(
        districtSecretariat,
        '{ officialDocuments(box: INCOMING) { totalCount } incomingRegistrations { totalCount } }',
      )),
      sent: await city.subgraphs['liaison']!.models.outgoingMessages.countDocuments(),
    });
    // The 批复 reaches the district's liaison first and its sharing (as a 收文) after; counting
    // before that registration lands would see it arrive during the refusals below.
    const before = await waitFor(
      async () => {
        const settled = await counts();
        return settled.incomingRegistrations.totalCount === settled.officialDocuments.totalCount
          ? settled
          : undefined;
      },
      { description: "the 批复 registered in the district's sharing" },
    );
    const wrongWay = await send(
      city,
      citySecretariat,
      document({ kind: 'REQUEST', documentNumber: '哈委办发〔2026〕13号', signer: '王明' }),
    );
    expect(wrongWay.body.errors?.[0]?.extensions?.['rules']).toEqual(['KIND_DIRECTION']);
    const tooSecret = await send(
      city,
      citySecretariat,
      document({
        classification: 'SECRET',
        copyNumber: '000001',
        documentNumber: '哈委办发〔2026〕14号',
      }),
    );
    expect(tooSecret.body.errors?.[0]?.extensions?.['rules']).toEqual(['LINK_CLASSIFICATION']);
    // Nothing was queued at the city, nothing arrived in the district's liaison or sharing.
    expect(await counts()).toEqual(before);
  });
  it("answers the city's one query for the district's assigned-matter progress from the district's liaison, over the signed link, with nothing the district did not publish", async () => {
    // Something the district keeps to itself: a matter of its own leadership, with progress.
    const { createAssignment } = await district.data<{ createAssignment: { id: string } }>(
      districtLeader,
      'mutation ($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }',
      {
        input: {
          title: '区委内部：整理档案室',
          requirements: '本机关内部事项',
          leadDivisionId: 'div-general-1',
          deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      },
    );
    expect(createAssignment.id).toBeTruthy();

    const { office } = await city.data<{
      office: {
        name: string;
        publishedView: {
          reachable: boolean;
          problem: string | null;
          officeName: string;
          answeredAt: string;
          assignedMatters: {
            id: string;
            title: string;
            status: string;
            progress: number;
            updates: { type: string; percent: number | null }[];
          }[];
          reports: { kind: string; title: string }[];
          statistics: { assigned: number; completed: number; reports: number };
        };
      };
    }>(
      cityLeader,
      /* GraphQL */ `
        query ($id: ID!) {
          office(id: $id) {
            name
            publishedView {
              reachable
              problem
              officeName
              answeredAt
              assignedMatters {
                id
                title
                status
                progress
                updates {
                  type
                  percent
                }
              }
              reports {
                kind
                title
              }
              statistics {
                assigned
                completed
                reports
              }
            }
          }
        }
      `,
      { id: DISTRICT.id },
    );
    const view = office.publishedView;
    expect(view).toMatchObject({ reachable: true, problem: null, officeName: DISTRICT.name });

    // Exactly the matters the city assigned, as the district's liaison answers now.
    const { officeAssignments: assignedByCity } = await city.data<{
      officeAssignments: { id: string }[];
    }>(cityLeader, '{ officeAssignments(side: ASSIGNED_DOWN) { id } }');
    expect(view.assignedMatters.map((matter) => matter.id).sort()).toEqual(
      assignedByCity.map((matter) => matter.id).sort(),
    );
    expect(view.assignedMatters[0]).toMatchObject({
      title: '开展年底督查',
      status: 'COMPLETED',
      progress: 100,
    });
    expect(view.assignedMatters[0]!.updates.map((update) => [update.type, update.percent])).toEqual(
      [
        ['ACCEPTED', null],
        ['PROGRESS', 40],
        ['PROGRESS', 80],
        ['COMPLETED', null],
      ],
    );
    expect(view.reports).toEqual([{ kind: 'REQUEST', title: '关于延长督查时限的请示' }]);
    expect(view.statistics).toEqual({ assigned: 1, completed: 1, reports: 1 });

    // Nothing unpublished: not the district's own matter, not the words of its progress reports.
    const everything = JSON.stringify(view);
    expect(everything).not.toContain('整理档案室');
    expect(everything).not.toContain(createAssignment.id);
    expect(everything).not.toContain('督查推进中');
    expect(everything).not.toContain('督查报告已形成');

    const { lowerOfficeViews } = await city.data<{
      lowerOfficeViews: { officeName: string; reachable: boolean }[];
    }>(cityLeader, '{ lowerOfficeViews { officeName reachable } }');
    expect(lowerOfficeViews).toEqual([{ officeName: DISTRICT.name, reachable: true }]);

    // The district is not the city's superior: it has no view of the city, and a person of
    // another office gets nothing from the city's gateway.
    const upward = await district.data<{
      office: { publishedView: unknown };
      lowerOfficeViews: unknown[];
    }>(
      districtLeader,
      `{ office(id: "${CITY.id}") { publishedView { reachable } } lowerOfficeViews { reachable } }`,
    );
    expect(upward).toEqual({ office: { publishedView: null }, lowerOfficeViews: [] });
    const outsider = await city.data<{ lowerOfficeViews: unknown[] }>(
      districtLeader,
      '{ lowerOfficeViews { reachable } }',
    );
    expect(outsider.lowerOfficeViews).toEqual([]);

    // Asked now, not copied: with the district's liaison gone the city has no view of it (its
    // pushed board, Office.assignedMatters, still shows the last state).
    await district.subgraphs['liaison']!.close();
    const { lowerOfficeViews: away } = await city.data<{
      lowerOfficeViews: { reachable: boolean; problem: string; assignedMatters: unknown[] }[];
    }>(cityLeader, '{ lowerOfficeViews { reachable problem assignedMatters { id } } }');
    expect(away).toEqual([
      { reachable: false, problem: expect.stringContaining('无法连接'), assignedMatters: [] },
    ]);
  });
  it('keeps three 通知 while the district is unreachable and delivers each once, in order, when it is back; refuses and records a forged signature', async () => {
    // The previous test took the district's liaison down: the link is down.
    const titles = ['停电期间的第一份通知', '停电期间的第二份通知', '停电期间的第三份通知'];
    const ids: string[] = [];
    for (const [index, title] of titles.entries()) {
      const sent = await send(
        city,
        citySecretariat,
        document({ title, documentNumber: `哈委办发〔2026〕${30 + index}号` }),
      );
      expect(sent.body.errors).toBeUndefined();
      ids.push(
        (sent.body.data as { sendOfficialDocument: { id: string } }).sendOfficialDocument.id,
      );
    }
    const deliveries = async () =>
      Promise.all(
        ids.map(async (id) => {
          const { officialDocument } = await city.data<{
            officialDocument: {
              mainRecipients: {
                delivery: string;
                attempts: number;
                failureReason: string | null;
              }[];
            };
          }>(
            citySecretariat,
            'query ($id: ID!) { officialDocument(id: $id) { mainRecipients { delivery attempts failureReason } } }',
            { id },
          );
          return officialDocument.mainRecipients[0]!;
        }),
      );
    const waiting = await waitFor(
      async () => {
        const now = await deliveries();
        return now[0]!.attempts >= 2 ? now : null;
      },
      { description: 'the city tried the district at least twice', timeoutMs: 30_000 },
    );
    expect(waiting.map((recipient) => recipient.delivery)).toEqual([
      'PENDING',
      'PENDING',
      'PENDING',
    ]);
    expect(waiting[0]!.failureReason).toContain('无法连接');

    // The district's liaison comes back on the same address, database and NATS namespace.
    const stopped = district.subgraphs['liaison']!;
    const { MONGODB_URI, MONGODB_DB, HELI_NAMESPACE, PORT } = stopped.runtime.runtime.env;
    district.subgraphs['liaison'] = await startTestSubgraph(
      createLiaisonSubgraph({ settings: settingsOf[DISTRICT.id]!, maxRetryDelayMs: 500 }),
      {
        MONGODB_URI,
        MONGODB_DB,
        HELI_NAMESPACE,
        PORT: String(PORT),
        LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'silent',
      },
    );
    await waitFor(
      async () => (await deliveries()).every((recipient) => recipient.delivery === 'DELIVERED'),
      { description: 'all three delivered once the district is back', timeoutMs: 60_000 },
    );

    // Each registered once as 收文 in the district's sharing, in the order sent.
    const registered = await waitFor(
      async () => {
        const { incomingRegistrations } = await district.data<{
          incomingRegistrations: { edges: { node: { id: string; receivedAt: string } }[] };
        }>(
          districtSecretariat,
          '{ incomingRegistrations(first: 50) { edges { node { id receivedAt } } } }',
        );
        const ours = incomingRegistrations.edges.filter((edge) => ids.includes(edge.node.id));
        return ours.length === 3 ? ours : null;
      },
      { description: 'the three 收文 in the district sharing', timeoutMs: 60_000 },
    );
    // Registered in the order sent (times may tie to the millisecond, never go backwards).
    const receivedAt = ids.map(
      (id) => registered.find((edge) => edge.node.id === id)!.node.receivedAt,
    );
    expect(receivedAt).toEqual([...receivedAt].sort());
    const inbox = await district.subgraphs['liaison']!.models.incomingMessages.find({
      kind: 'DOCUMENT',
      matterKey: { $in: ids.map((id) => `document:${id}`) },
    })
      .sort({ receivedAt: 1, sequence: 1 })
      .lean();
    expect(inbox.map((message: { matterKey: string }) => message.matterKey)).toEqual(
      ids.map((id) => `document:${id}`),
    );

    // A message claiming to be the city, signed with a key the district does not hold.
    const impostor = await importSigningKey(await generateSigningJwk('office-harbin-2026'));
    const forged = await signMessage(
      {
        v: 1,
        id: crypto.randomUUID(),
        from: CITY.id,
        to: DISTRICT.id,
        kind: 'RECEIPT',
        matterKey: `document:${ids[0]}`,
        sequence: 999_999,
        classification: 'PUBLIC',
        sentAt: new Date().toISOString(),
        body: { documentId: ids[0]!, signedForAt: new Date().toISOString() },
      },
      impostor,
    );
    const refused = await fetch(`http://127.0.0.1:${PORT}/liaison/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/jose+json' },
      body: JSON.stringify(forged),
    });
    expect(refused.status).toBe(401);
    const { refusedLiaisonMessages } = await district.data<{
      refusedLiaisonMessages: { reason: string; claimedFrom: string }[];
    }>(
      inOffice('staff-confidential-security', DISTRICT.id),
      '{ refusedLiaisonMessages { reason claimedFrom } }',
    );
    expect(refusedLiaisonMessages[0]).toEqual({ reason: '签名验证失败', claimedFrom: CITY.id });
  });
});
