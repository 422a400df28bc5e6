import { canRead, type HeliClaims } from '@heli/auth';
import { isOfficeMember } from '../access/liaison-access.rules.js';
import type { LiaisonContext, LiaisonResolvers } from '../context.js';
import type { Link } from '../links/links.config.js';
import { linkTo, type LiaisonSettings } from '../settings.js';
import { createPublishedViewClient, ViewUnavailable } from './published-view-client.js';
import type { ViewAnswer } from './published-view.js';
import { publishedStatistics } from './published-view.rules.js';

/** A lower office's view as one viewer may see it: nothing above their clearance. */
export interface PublishedOfficeViewData {
  link: Link;
  answer: ViewAnswer | null;
  problem: string | null;
  viewer: HeliClaims;
}

/**
 * `Office.publishedView` and `lowerOfficeViews`: each lower office asked now, once per request
 * however many fields name it, and only for people of this office.
 */
export function publishedViewResolvers(settings: LiaisonSettings): LiaisonResolvers {
  const askLowerOffice = createPublishedViewClient(settings);
  const asked = new WeakMap<LiaisonContext, Map<string, Promise<PublishedOfficeViewData>>>();

  function viewOf(ctx: LiaisonContext, link: Link): Promise<PublishedOfficeViewData> {
    let perRequest = asked.get(ctx);
    if (perRequest === undefined) asked.set(ctx, (perRequest = new Map()));
    let view = perRequest.get(link.officeId);
    if (view === undefined) {
      view = askLowerOffice(link).then(
        (answer) => ({ link, answer, problem: null, viewer: ctx.viewer }),
        (error: unknown) => {
          if (!(error instanceof ViewUnavailable)) throw error;
          ctx.logger.warn({ officeId: link.officeId, reason: error.message }, 'view unavailable');
          return { link, answer: null, problem: error.message, viewer: ctx.viewer };
        },
      );
      perRequest.set(link.officeId, view);
    }
    return view;
  }
  const member = (ctx: LiaisonContext) =>
    isOfficeMember(ctx.viewer, {
      officeId: settings.office.id,
      secretariatDivisionId: settings.office.secretariatDivisionId,
    });
  const visible = <T extends { classification: HeliClaims['clearance'] }>(
    view: PublishedOfficeViewData,
    items: readonly T[] | undefined,
  ) => (items ?? []).filter((item) => canRead(view.viewer.clearance, item.classification));

  return {
    Query: {
      lowerOfficeViews: (_, __, ctx) =>
        member(ctx)
          ? Promise.all(
              settings.links
                .filter((link) => link.relation === 'LOWER')
                .map((link) => viewOf(ctx, link)),
            )
          : [],
    },
    Office: {
      publishedView: (office, _, ctx) => {
        const link = linkTo(settings, office.id);
        return link?.relation === 'LOWER' && member(ctx) ? viewOf(ctx, link) : null;
      },
    },
    PublishedOfficeView: {
      office: (view) => ({ id: view.link.officeId }),
      officeName: (view) => view.link.name,
      reachable: (view) => view.answer !== null,
      answeredAt: (view) => (view.answer ? new Date(view.answer.answeredAt) : null),
      assignedMatters: (view, { status }) =>
        visible(view, view.answer?.matters).filter(
          (matter) => status == null || matter.status === status,
        ),
      reports: (view) => visible(view, view.answer?.reports),
      statistics: (view) =>
        view.answer === null
          ? null
          : publishedStatistics(
              visible(view, view.answer.matters),
              visible(view, view.answer.reports).length,
              new Date(view.answer.answeredAt),
            ),
    },
    PublishedMatter: {
      deadline: (matter) => new Date(matter.deadline),
      assignedAt: (matter) => new Date(matter.assignedAt),
      // What caused an update stays in the lower office; its id is not part of the view.
      updates: (matter) =>
        matter.updates.map((update) => ({ ...update, updateId: '', at: new Date(update.at) })),
    },
    PublishedReport: {
      sentAt: (report) => new Date(report.sentAt),
    },
  };
}
