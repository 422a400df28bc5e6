import { fileURLToPath } from 'node:url';
import { createAchievementSubgraph } from '@heli/achievement';
import { createAssessmentSubgraph } from '@heli/assessment';
import { createInteractionSubgraph, type InteractionSubgraphOptions } from '@heli/interaction';
import { demoDivisions, demoOffices, demoStaff } from '@heli/demo-data';
import { createNotificationsSubgraph } from '@heli/notifications';
import { createResponsibilitySubgraph } from '@heli/responsibility';
import { createSharingSubgraph } from '@heli/sharing';
import { waitFor } from '@heli/testkit';
import type { StackSubgraph } from './stack.js';

/** The folder of a service's .graphql files, which the stack composes as `pnpm compose` does. */
const serviceSdlDir = (service: string): string =>
  fileURLToPath(new URL(`../../services/${service}/src/`, import.meta.url));

/** Responsibility with the demo organisation, which every other service's tests lean on. */
export const responsibilityPart = (): StackSubgraph => ({
  definition: createResponsibilitySubgraph({ loadDemoData: true }),
  sdlDir: serviceSdlDir('responsibility'),
});

/**
 * Sharing without demo documents, and without the timed sweep so tests drive reminders. It checks
 * recipients against the directory it keeps from responsibility's events, so the stack waits
 * until that directory holds the whole demo organisation.
 */
export const sharingPart = (): StackSubgraph => ({
  definition: createSharingSubgraph({ loadDemoData: false, sweepIntervalMs: 0 }),
  sdlDir: serviceSdlDir('sharing'),
  settled: async (sharing) => {
    await waitFor(
      async () =>
        (await sharing.conn.collection('directory_staff').countDocuments()) >= demoStaff.length &&
        (await sharing.conn.collection('directory_divisions').countDocuments()) >=
          demoDivisions.length,
      {
        timeoutMs: 30_000,
        intervalMs: 50,
        description: "sharing's directory of the demo organisation",
      },
    );
  },
});

/** Assessment without demo history, so a test's scores come from its own events only. */
export const assessmentPart = (): StackSubgraph => ({
  definition: createAssessmentSubgraph({ loadDemoData: false }),
  sdlDir: serviceSdlDir('assessment'),
});

/**
 * Interaction without demo data and without the timed overdue scan, so tests drive time. It checks
 * divisions and people against the directory it keeps from responsibility's events, so the stack
 * waits until that directory holds the whole demo organisation.
 */
export const interactionPart = (
  options: Partial<InteractionSubgraphOptions> = {},
): StackSubgraph => ({
  definition: createInteractionSubgraph({
    loadDemoData: false,
    overdueScanIntervalMs: 0,
    ...options,
  }),
  sdlDir: serviceSdlDir('interaction'),
  settled: async (interaction) => {
    await waitFor(
      async () =>
        (await interaction.conn.collection('directory_staff').countDocuments()) >=
          demoStaff.length &&
        (await interaction.conn.collection('directory_divisions').countDocuments()) >=
          demoDivisions.length &&
        (await interaction.conn.collection('known_offices').countDocuments()) >= demoOffices.length,
      {
        timeoutMs: 30_000,
        intervalMs: 50,
        description: "interaction's directory and offices of the demo organisation",
      },
    );
  },
});

/**
 * Achievement without demo data. It checks named divisions and authors against the directory it
 * keeps from responsibility's events, so the stack waits until that directory is whole.
 */
export const achievementPart = (): StackSubgraph => ({
  definition: createAchievementSubgraph({ loadDemoData: false }),
  sdlDir: serviceSdlDir('achievement'),
  settled: async (achievement) => {
    await waitFor(
      async () =>
        (await achievement.conn.collection('directory_staff').countDocuments()) >=
          demoStaff.length &&
        (await achievement.conn.collection('directory_divisions').countDocuments()) >=
          demoDivisions.length,
      {
        timeoutMs: 30_000,
        intervalMs: 50,
        description: "achievement's directory of the demo organisation",
      },
    );
  },
});

/**
 * Notifications. It finds a division's head and people in the directory it keeps from
 * responsibility's events, so the stack waits until that directory is whole.
 */
export const notificationsPart = (): StackSubgraph => ({
  definition: createNotificationsSubgraph(),
  sdlDir: serviceSdlDir('notifications'),
  settled: async (notifications) => {
    await waitFor(
      async () =>
        (await notifications.conn.collection('directory_staff').countDocuments()) >=
          demoStaff.length &&
        (await notifications.conn.collection('directory_divisions').countDocuments()) >=
          demoDivisions.length,
      {
        timeoutMs: 30_000,
        intervalMs: 50,
        description: "notifications' directory of the demo organisation",
      },
    );
  },
});
