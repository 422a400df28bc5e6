import { z } from 'zod';
import { classificationSchema } from './classification.js';
import { roleSchema } from './roles.js';

/** Who is calling, as carried in a Heli JWT. */
export const heliClaimsSchema = z.object({
  /** The staff id. */
  sub: z.string().min(1),
  name: z.string().min(1),
  /** Null for people outside any division, e.g. office leadership or liaisons. */
  divisionId: z.string().min(1).nullable(),
  officeId: z.string().min(1),
  roles: z.array(roleSchema),
  clearance: classificationSchema,
});

export type HeliClaims = z.infer<typeof heliClaimsSchema>;
