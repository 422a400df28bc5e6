import { randomUUID } from 'node:crypto';
import type { Link } from '../links/links.config.js';
import type { LiaisonSettings } from '../settings.js';
import {
  createOfficeSignatureVerifier,
  MessageRefused,
  signAsOffice,
} from '../transport/message-signing.js';
import {
  VIEW_ANSWER_TYPE,
  VIEW_QUERY_TYPE,
  viewAnswerSchema,
  type ViewAnswer,
  type ViewQuery,
} from './published-view.js';
import { PUBLISHED_VIEW_PATH } from './published-view-route.js';

/** Why a lower office's view could not be had, in words for the person asking. */
export class ViewUnavailable extends Error {
  override readonly name = 'ViewUnavailable';
}

export function publishedViewUrl(link: Pick<Link, 'url'>): string {
  return new URL(PUBLISHED_VIEW_PATH.slice(1), link.url.endsWith('/') ? link.url : `${link.url}/`)
    .href;
}

/**
 * Asks a lower office, now, what it has published to this office: a query signed with this
 * office's key, and an answer taken only when signed by that office's configured key, addressed
 * here and naming this very query.
 */
export function createPublishedViewClient(settings: LiaisonSettings) {
  const verify = createOfficeSignatureVerifier(settings.links);

  return async function askLowerOffice(link: Link): Promise<ViewAnswer> {
    const query: ViewQuery = {
      v: 1,
      id: randomUUID(),
      from: settings.office.id,
      to: link.officeId,
      issuedAt: settings.clock.now().toISOString(),
    };
    const jws = await signAsOffice(query, settings.signingKey, VIEW_QUERY_TYPE, settings.office.id);
    let response: Response;
    let text: string;
    try {
      response = await fetch(publishedViewUrl(link), {
        method: 'POST',
        headers: { 'content-type': 'application/jose+json' },
        body: JSON.stringify(jws),
        signal: AbortSignal.timeout(settings.relay.deliveryTimeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new ViewUnavailable(`无法连接${link.name}：${(error as Error).message}`);
    }
    if (!response.ok) {
      const reason = (() => {
        try {
          return (JSON.parse(text) as { error?: string }).error ?? `HTTP ${response.status}`;
        } catch {
          return `HTTP ${response.status}`;
        }
      })();
      throw new ViewUnavailable(`${link.name}拒绝查询：${reason}`);
    }
    let payload: unknown;
    let claimedFrom: string;
    try {
      ({ payload, claimedFrom } = await verify(text, VIEW_ANSWER_TYPE));
    } catch (error) {
      if (error instanceof MessageRefused) {
        throw new ViewUnavailable(`${link.name}的答复未通过验证：${error.message}`);
      }
      throw error;
    }
    const answer = viewAnswerSchema.safeParse(payload);
    if (
      !answer.success ||
      claimedFrom !== link.officeId ||
      answer.data.from !== link.officeId ||
      answer.data.to !== settings.office.id ||
      answer.data.queryId !== query.id
    ) {
      throw new ViewUnavailable(`${link.name}的答复不符合约定`);
    }
    return answer.data;
  };
}
