import { describe, expect, it } from 'vitest';
import type { MatterDetailFragment } from '../../generated/graphql';
import { boardViewFrom, filterFrom, matterTimeline, searchFrom } from './board';

describe('督办 board view', () => {
  it('given a shared link, then its filters come back, and unknown values are dropped', () => {
    const view = boardViewFrom(
      new URLSearchParams('division=div-general-1&status=IN_PROGRESS&escalation=PURPLE&overdue=1'),
    );
    expect(view).toEqual({ division: 'div-general-1', status: 'IN_PROGRESS', overdue: true });
    expect(boardViewFrom(searchFrom(view))).toEqual(view);
  });

  it('given a view, then the filter asks for top-level matters of that division, status and lateness', () => {
    expect(filterFrom({ division: 'div-general-1', status: 'ASSIGNED', overdue: true })).toEqual({
      topLevel: true,
      leadDivisionId: 'div-general-1',
      status: ['ASSIGNED'],
      overdue: true,
    });
  });
});

describe('matter timeline', () => {
  it('given steps, reports, reminders and difficulties, then they read oldest first, each report once', () => {
    const director = { id: 's-1', name: '王建国' };
    const head = { id: 's-2', name: '高振宇' };
    const matter = {
      history: [
        {
          action: 'ASSIGN',
          from: null,
          to: 'ASSIGNED',
          by: director,
          at: '2026-05-01T01:00:00Z',
          note: null,
        },
        {
          action: 'ACCEPT',
          from: 'ASSIGNED',
          to: 'ACCEPTED',
          by: head,
          at: '2026-05-01T02:00:00Z',
          note: null,
        },
        {
          action: 'REPORT_PROGRESS',
          from: 'ACCEPTED',
          to: 'IN_PROGRESS',
          by: head,
          at: '2026-05-03T02:00:00Z',
          note: null,
        },
      ],
      progressReports: {
        edges: [
          {
            node: {
              id: 'p-1',
              text: '方案已起草',
              percent: 40,
              reportedBy: head,
              reportedAt: '2026-05-03T02:00:00Z',
            },
          },
        ],
      },
      reminders: [
        {
          id: 'r-1',
          kind: 'MANUAL',
          message: '请加快进度',
          sentBy: director,
          sentAt: '2026-05-02T02:00:00Z',
        },
      ],
      difficulties: [
        {
          id: 'd-1',
          title: '经费未落实',
          status: 'RESOLVED',
          raisedAt: '2026-05-02T05:00:00Z',
          resolvedAt: '2026-05-04T00:00:00Z',
        },
      ],
    } as unknown as MatterDetailFragment;

    expect(matterTimeline(matter).map((e) => `${e.title}${e.who ? ` · ${e.who}` : ''}`)).toEqual([
      '交办 · 王建国',
      '签收 · 高振宇',
      '人工催办 · 王建国',
      '反映困难',
      '汇报进展 40% · 高振宇',
      '困难已解决',
    ]);
  });
});
