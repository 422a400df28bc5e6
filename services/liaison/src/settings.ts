import type { Link } from './links/links.config.js';
import type { SigningKey } from './transport/signing-keys.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What the liaison subgraph knows about its own office and its links, fixed at start-up. */
export interface LiaisonSettings {
  office: { id: string; name: string; secretariatDivisionId: string | null };
  signingKey: SigningKey;
  links: readonly Link[];
  clock: Clock;
  relay: { intervalMs: number; deliveryTimeoutMs: number };
}

export function linkTo(settings: LiaisonSettings, officeId: string): Link | undefined {
  return settings.links.find((link) => link.officeId === officeId);
}
