import { fileURLToPath } from 'node:url';
import { createAssessmentSubgraph } from '@heli/assessment';
import { createResponsibilitySubgraph } from '@heli/responsibility';
import { createSharingSubgraph } from '@heli/sharing';
import type { StackSubgraph } from './stack.js';

/** The folder of a service's .graphql files, which the stack composes as `pnpm compose` does. */
const serviceSdlDir = (service: string): string =>
  fileURLToPath(new URL(`../../services/${service}/src/`, import.meta.url));

/** Responsibility with the demo organisation, which every other service's tests lean on. */
export const responsibilityPart = (): StackSubgraph => ({
  definition: createResponsibilitySubgraph({ loadDemoData: true }),
  sdlDir: serviceSdlDir('responsibility'),
});

/** Sharing without demo documents, and without the timed sweep so tests drive reminders. */
export const sharingPart = (): StackSubgraph => ({
  definition: createSharingSubgraph({ loadDemoData: false, sweepIntervalMs: 0 }),
  sdlDir: serviceSdlDir('sharing'),
});

/** Assessment without demo history, so a test's scores come from its own events only. */
export const assessmentPart = (): StackSubgraph => ({
  definition: createAssessmentSubgraph({ loadDemoData: false }),
  sdlDir: serviceSdlDir('assessment'),
});
