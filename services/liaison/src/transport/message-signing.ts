import {
  FlattenedSign,
  decodeProtectedHeader,
  flattenedVerify,
  importJWK,
  type CryptoKey,
  type FlattenedJWS,
} from 'jose';
import type { Link, PublicJwk } from '../links/links.config.js';
import { liaisonMessageSchema, type LiaisonMessage } from './liaison-message.js';
import { SIGNING_ALG, type SigningKey } from './signing-keys.js';

/** The JWS `typ` of a liaison message, so a JWS made for something else is never taken for one. */
export const MESSAGE_TYPE = 'heli-liaison+json';
/** Protected header naming the sending office; the key id alone may repeat across offices. */
export const OFFICE_HEADER = 'heli-office';

/** A message as a flattened JWS (RFC 7515 §7.2.2) signed with the office's Ed25519 key. */
export function signMessage(message: LiaisonMessage, key: SigningKey): Promise<FlattenedJWS> {
  return signAsOffice(message, key, MESSAGE_TYPE, message.from);
}

/**
 * Anything an office says to another — a message, a query, an answer — as a flattened JWS whose
 * protected header names the office and the JWS type, so one kind is never taken for another.
 */
export async function signAsOffice(
  payload: unknown,
  key: SigningKey,
  typ: string,
  officeId: string,
): Promise<FlattenedJWS> {
  return new FlattenedSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ, [OFFICE_HEADER]: officeId })
    .sign(key.key);
}

/** Why a message is not taken; `status` is the HTTP answer, and whether the sender should retry. */
export class MessageRefused extends Error {
  override readonly name = 'MessageRefused';
  constructor(
    readonly status: 400 | 401 | 403 | 422,
    message: string,
    readonly claimedFrom: string | null = null,
    readonly messageId: string | null = null,
  ) {
    super(message);
  }
}

/**
 * Checks a posted message: a flattened JWS whose protected header names a linked office and one
 * of that office's configured keys, a valid EdDSA signature over the payload, a payload of the
 * known wire format, sent by that office to this one. Anything else is refused.
 */
export function createMessageVerifier(ownOfficeId: string, links: readonly Link[]) {
  const verifySigned = createOfficeSignatureVerifier(links);
  return async function verifyMessage(body: Buffer): Promise<LiaisonMessage> {
    const { claimedFrom, payload } = await verifySigned(body, MESSAGE_TYPE);
    const result = liaisonMessageSchema.safeParse(payload);
    if (!result.success) throw new MessageRefused(400, '报文格式不符合约定', claimedFrom);
    const message = result.data;
    if (message.from !== claimedFrom || message.to !== ownOfficeId) {
      throw new MessageRefused(401, '报文的发送或接收机关与签名不符', claimedFrom, message.id);
    }
    return message;
  };
}

/**
 * Checks that a flattened JWS of type `typ` was signed by a linked office with one of the keys
 * configured for it (read at each call, so a changed link applies at once), and returns the
 * office's link and the parsed JSON payload. Anything else is a `MessageRefused`.
 */
export function createOfficeSignatureVerifier(links: readonly Link[]) {
  const keys = new Map<string, Promise<CryptoKey>>();
  const keyFor = (officeId: string, jwk: PublicJwk) => {
    const cacheKey = `${officeId}\u0000${jwk.kid}\u0000${jwk.x}`;
    let key = keys.get(cacheKey);
    if (key === undefined) {
      key = importJWK(jwk, SIGNING_ALG) as Promise<CryptoKey>;
      keys.set(cacheKey, key);
    }
    return key;
  };

  return async function verifySigned(
    body: Buffer | string,
    typ: string,
  ): Promise<{ link: Link; claimedFrom: string; payload: unknown }> {
    let jws: FlattenedJWS;
    let header: Record<string, unknown>;
    try {
      jws = JSON.parse(body.toString('utf8')) as FlattenedJWS;
      header = decodeProtectedHeader(jws) as Record<string, unknown>;
    } catch {
      throw new MessageRefused(400, '报文不是有效的签名报文 (JWS)');
    }
    const claimedFrom = typeof header[OFFICE_HEADER] === 'string' ? header[OFFICE_HEADER] : null;
    const link = links.find((candidate) => candidate.officeId === claimedFrom);
    if (claimedFrom === null || link === undefined) {
      throw new MessageRefused(401, '发送机关未与本机关建立联络', claimedFrom);
    }
    const jwk = link.publicKeys.find((candidate) => candidate.kid === header['kid']);
    if (jwk === undefined || header['typ'] !== typ || header['alg'] !== SIGNING_ALG) {
      throw new MessageRefused(401, '签名密钥未登记', claimedFrom);
    }
    let payload: Uint8Array;
    try {
      ({ payload } = await flattenedVerify(jws, await keyFor(link.officeId, jwk), {
        algorithms: [SIGNING_ALG],
      }));
    } catch {
      throw new MessageRefused(401, '签名验证失败', claimedFrom);
    }
    try {
      return { link, claimedFrom, payload: JSON.parse(new TextDecoder().decode(payload)) };
    } catch {
      throw new MessageRefused(400, '报文内容不是 JSON', claimedFrom);
    }
  };
}
