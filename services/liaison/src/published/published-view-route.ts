import { sendJson, type RouteHandler } from '@heli/service-kit';
import type { SubgraphRuntime } from '@heli/subgraph-runtime';
import type { LiaisonModels } from '../models.js';
import type { LiaisonSettings } from '../settings.js';
import {
  createOfficeSignatureVerifier,
  MessageRefused,
  signAsOffice,
} from '../transport/message-signing.js';
import { recordRefusal } from '../transport/refused-messages.js';
import { publishedTo } from './published-answer.js';
import {
  VIEW_ANSWER_TYPE,
  VIEW_QUERY_TYPE,
  viewQuerySchema,
  type ViewAnswer,
} from './published-view.js';
import { isFreshQuery } from './published-view.rules.js';

/** Where a higher office asks this office what it has published to it, below the liaison's base URL. */
export const PUBLISHED_VIEW_PATH = '/liaison/v1/published-view';

/**
 * Answers a higher office's signed query with what this office has published to it, signed by
 * this office. Only an office configured as this office's 上级 may ask, with a fresh query signed
 * by one of its keys; anything else is refused with the reason and recorded, like a bad message.
 */
export function publishedViewRoute(
  runtime: SubgraphRuntime<LiaisonModels>,
  settings: LiaisonSettings,
): RouteHandler {
  const { models } = runtime;
  const logger = runtime.logger.child({ component: 'liaison-published-view' });
  const verify = createOfficeSignatureVerifier(settings.links);

  async function checkedQuery(body: Buffer) {
    const { link, claimedFrom, payload } = await verify(body, VIEW_QUERY_TYPE);
    const parsed = viewQuerySchema.safeParse(payload);
    if (!parsed.success) throw new MessageRefused(400, '查询格式不符合约定', claimedFrom);
    const query = parsed.data;
    if (query.from !== claimedFrom || query.to !== settings.office.id) {
      throw new MessageRefused(401, '查询的发送或接收机关与签名不符', claimedFrom, query.id);
    }
    if (link.relation !== 'HIGHER') {
      throw new MessageRefused(403, '只有上级机关可以查询本机关报送的情况', claimedFrom, query.id);
    }
    if (!isFreshQuery(new Date(query.issuedAt), settings.clock.now())) {
      throw new MessageRefused(401, '查询已过期或时间不符', claimedFrom, query.id);
    }
    return { link, query };
  }

  return async (req, res, { body }) => {
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'POST a signed view query' });
      return;
    }
    let checked: Awaited<ReturnType<typeof checkedQuery>>;
    try {
      checked = await checkedQuery(body);
    } catch (error) {
      if (!(error instanceof MessageRefused)) throw error;
      await recordRefusal(models, settings, logger, {
        reason: error.message,
        claimedFrom: error.claimedFrom,
        messageId: error.messageId,
        remoteAddress: req.socket.remoteAddress,
      });
      sendJson(res, error.status, { error: error.message });
      return;
    }
    const now = settings.clock.now();
    const answer: ViewAnswer = {
      v: 1,
      queryId: checked.query.id,
      from: settings.office.id,
      to: checked.link.officeId,
      answeredAt: now.toISOString(),
      ...(await publishedTo(models, checked.link)),
    };
    sendJson(
      res,
      200,
      await signAsOffice(answer, settings.signingKey, VIEW_ANSWER_TYPE, settings.office.id),
    );
  };
}
