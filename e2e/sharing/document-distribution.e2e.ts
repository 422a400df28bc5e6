import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeliClaims } from '@heli/auth';
import { claimsForStaff } from '@heli/demo-data';
import { waitFor } from '@heli/testkit';
import { responsibilityPart, sharingPart } from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

const secretariat = claimsForStaff('staff-secretariat-1');
const leader = claimsForStaff('staff-party-secretary');
const readers = {
  'div-general-1': claimsForStaff('staff-general-1-2'),
  'div-information': claimsForStaff('staff-information-1'),
  'div-research': claimsForStaff('staff-research-1'),
};
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600_000).toISOString();

describe('a provincial document distributed, instructed on and read, through the gateway', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack([responsibilityPart(), sharingPart()]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const run = <T>(viewer: HeliClaims, query: string, variables?: Record<string, unknown>) =>
    stack.data<T>(viewer, query, variables);

  it('registers, distributes to two leaders and three divisions, turns an instruction into a matter, and shows the sender who has read', async () => {
    const { registerDocument } = await run<{ registerDocument: { id: string } }>(
      secretariat,
      `mutation { registerDocument(input: { kind: PROVINCIAL, title: "关于进一步加强政务资源共享工作的通知",
         documentNumber: "黑办发〔2026〕12号", issuer: "中共黑龙江省委办公厅", issuedOn: "2026-02-27",
         classification: INTERNAL }) { id } }`,
    );
    const documentId = registerDocument.id;

    const { distributeDocument } = await run<{
      distributeDocument: { id: string; recipientCount: number };
    }>(
      secretariat,
      'mutation ($input: DistributeDocumentInput!) { distributeDocument(input: $input) { id recipientCount } }',
      {
        input: {
          documentId,
          staffIds: ['staff-party-secretary', 'staff-director'],
          divisionIds: Object.keys(readers),
          dueAt: inAWeek(),
        },
      },
    );
    expect(distributeDocument.recipientCount).toBeGreaterThanOrEqual(5);

    // The leader finds it in the reading inbox and writes an instruction naming a lead division.
    const inbox = await run<{
      me: { readingInbox: { edges: { node: { document: { id: string } } }[] } };
    }>(leader, '{ me { readingInbox { edges { node { id document { id title } } } } } }');
    expect(inbox.me.readingInbox.edges.map((e) => e.node.document.id)).toContain(documentId);
    const { issueInstruction } = await run<{ issueInstruction: { id: string } }>(
      leader,
      'mutation ($input: IssueInstructionInput!) { issueInstruction(input: $input) { id leadDivision { id name } } }',
      {
        input: {
          documentId,
          text: '请综合一处牵头，会同调研室抓好落实，两周内报送方案。',
          leadDivisionId: 'div-general-1',
          coDivisionIds: ['div-research'],
          deadline: new Date(Date.now() + 14 * 24 * 3600_000).toISOString(),
        },
      },
    );

    // The instruction becomes exactly one assigned matter in responsibility.
    type Matters = {
      assignments: {
        totalCount: number;
        edges: { node: { id: string; title: string; source: string } }[];
      };
    };
    const matters = () =>
      run<Matters>(
        claimsForStaff('staff-executive-deputy'),
        '{ assignments(filter: { source: [INSTRUCTION], leadDivisionId: "div-general-1" }, first: 50) { totalCount edges { node { id title source } } } }',
      );
    await waitFor(async () => (await matters()).assignments.totalCount === 1, {
      timeoutMs: 90_000,
      intervalMs: 250,
    });
    expect((await matters()).assignments.edges[0]!.node.source).toBe('INSTRUCTION');
    expect(issueInstruction.id).toBeTruthy();

    // The instruction links to the matter it became, and the matter back to the instruction.
    const matterId = (await matters()).assignments.edges[0]!.node.id;
    const linked = await run<{
      document: { instructions: { id: string; assignment: { id: string; source: string } }[] };
      assignment: { instruction: { id: string; text: string } };
    }>(
      claimsForStaff('staff-executive-deputy'),
      `query ($doc: ID!, $matter: ID!) {
         document(id: $doc) { instructions { id assignment { id source } } }
         assignment(id: $matter) { instruction { id text } } }`,
      { doc: documentId, matter: matterId },
    );
    expect(linked.document.instructions).toEqual([
      { id: issueInstruction.id, assignment: { id: matterId, source: 'INSTRUCTION' } },
    ]);
    expect(linked.assignment.instruction).toEqual({
      id: issueInstruction.id,
      text: '请综合一处牵头，会同调研室抓好落实，两周内报送方案。',
    });

    // Each division acknowledges (已阅).
    for (const reader of Object.values(readers)) {
      const unread = await run<{
        readingInbox: { edges: { node: { id: string; document: { id: string } } }[] };
      }>(reader, '{ readingInbox(status: UNREAD) { edges { node { id document { id } } } } }');
      const request = unread.readingInbox.edges.find((e) => e.node.document.id === documentId);
      expect(request).toBeDefined();
      const { acknowledgeReading } = await run<{
        acknowledgeReading: { status: string; onTime: boolean };
      }>(
        reader,
        'mutation ($input: AcknowledgeReadingInput!) { acknowledgeReading(input: $input) { status onTime } }',
        { input: { readingRequestId: request!.node.id, comment: '已阅，将结合本处工作落实' } },
      );
      expect(acknowledgeReading.onTime).toBe(true);
    }

    // The sender sees who has read and who has not.
    const { distribution } = await run<{
      distribution: {
        readCount: number;
        unreadCount: number;
        readingRequests: {
          edges: {
            node: {
              status: string;
              recipientDivision: { id: string } | null;
              recipientStaff: { id: string } | null;
            };
          }[];
        };
      };
    }>(
      secretariat,
      `query ($id: ID!) { distribution(id: $id) { readCount unreadCount
         readingRequests(first: 100) { edges { node { status recipientStaff { id } recipientDivision { id } acknowledgedBy { name } } } } } }`,
      { id: distributeDocument.id },
    );
    const readDivisions = distribution.readingRequests.edges
      .filter((e) => e.node.recipientDivision && e.node.status !== 'UNREAD')
      .map((e) => e.node.recipientDivision!.id);
    expect(readDivisions.sort()).toEqual(Object.keys(readers).sort());
    expect(distribution.readCount).toBe(3);
    expect(distribution.unreadCount).toBeGreaterThanOrEqual(1);
  });

  it('hides the document from a reader of a division it was not sent to', async () => {
    const { registerDocument } = await run<{ registerDocument: { id: string } }>(
      secretariat,
      `mutation { registerDocument(input: { kind: PROVINCIAL, title: "机要文件", documentNumber: "黑办发〔2026〕13号",
         issuer: "中共黑龙江省委办公厅", issuedOn: "2026-03-01", classification: CONFIDENTIAL }) { id } }`,
    );
    const res = await stack.query(
      'query ($id: ID!) { document(id: $id) { id title } }',
      { id: registerDocument.id },
      claimsForStaff('staff-legal-head'),
    );
    expect(res.body.data).toEqual({ document: null });
  });
});
