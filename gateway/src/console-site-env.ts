import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { envBoolean } from '@heli/service-kit';
import { z } from 'zod';

// The console site's variables apart from the site itself (console-site.ts): the cluster primary
// parses the whole environment and should not load what serves the site to do so.

export const consoleSiteEnv = {
  /** The console's built files (`packages/console/dist`); unset = no console, `/` is the IDE. */
  CONSOLE_DIR: z
    .string()
    .optional()
    .refine((dir) => dir === undefined || existsSync(join(dir, 'index.html')), {
      message: 'no index.html there; build the console first (pnpm --filter @heli/console build)',
    }),
  DEV_SIGN_IN: envBoolean().default(false),
  /** The office this Heli serves when it is not the demo's own (`pnpm start:offices`): its people sign in as its people. */
  DEV_SIGN_IN_OFFICE_ID: z.string().optional(),
};

type ConsoleSiteVariables = { DEV_SIGN_IN?: unknown; JWT_SECRET?: unknown; NODE_ENV?: unknown };

/** Development sign-in hands out tokens to anyone who asks: never with real keys, never in production. */
export const consoleSiteRule = z.superRefine<ConsoleSiteVariables>(
  (env, ctx) => {
    if (env.DEV_SIGN_IN !== true) return;
    if (env.JWT_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEV_SIGN_IN'],
        message: 'needs JWT_SECRET (the development issuer signs HS256 tokens)',
      });
    }
    if (env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['DEV_SIGN_IN'],
        message: 'development sign-in is refused with NODE_ENV=production',
      });
    }
  },
  { when: () => true },
);
