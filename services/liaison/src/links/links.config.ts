import { classificationSchema, type Classification } from '@heli/auth';
import { z } from 'zod';
import { LINK_RELATIONS, type LinkRelation } from '../documents/xingwen.rules.js';

/** Office ids are the same in every deployment (e.g. office-harbin): they name offices across links. */
export const officeIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, 'expected an office id such as office-daoli');

/** An Ed25519 public key as a JWK, with the key id the other office signs with. */
export const publicJwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a base64url Ed25519 public key'),
  kid: z.string().min(1).max(100),
});
export type PublicJwk = z.infer<typeof publicJwkSchema>;

/**
 * One link to another office: who it is, where it stands (上级, 下级, 平级), where its liaison
 * receives messages, the highest classification the link may carry (the network it runs over),
 * and the public keys it signs with — several while a key is being rotated.
 */
export const linkSchema = z.object({
  officeId: officeIdSchema,
  name: z.string().trim().min(1).max(100),
  relation: z.enum(LINK_RELATIONS),
  /** The other office's liaison base URL, e.g. https://liaison.daoli.example/ (its inbox is below it). */
  url: z.url({ protocol: /^https?$/ }),
  maxClassification: classificationSchema,
  publicKeys: z.array(publicJwkSchema).min(1),
});
export type LinkConfig = z.infer<typeof linkSchema>;

export interface Link extends LinkConfig {
  relation: LinkRelation;
  maxClassification: Classification;
}

/** LIAISON_LINKS: a JSON array of links; each office appears once. */
export const linksSchema = z
  .string()
  .default('[]')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected a JSON array of links' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(linkSchema)
      .refine(
        (links) => new Set(links.map((link) => link.officeId)).size === links.length,
        'each office may have one link only',
      ),
  );
