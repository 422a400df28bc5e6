import { OWN_OFFICE_ID, demoDivisions, demoOffices } from '@heli/demo-data';
import { defineSubgraph, loadSdl } from '@heli/subgraph-runtime';
import { commonResolvers } from './common/common.resolvers.js';
import { documentsResolvers } from './documents/documents.resolvers.js';
import { signedForIntake } from './documents/signed-for-intake.js';
import type { LiaisonEnv } from './env.js';
import { linksResolvers } from './links/links.resolvers.js';
import { mattersIntake } from './matters/matters-intake.js';
import { mattersResolvers } from './matters/matters.resolvers.js';
import { createLiaisonLoaders } from './loaders.js';
import { liaisonModels } from './models.js';
import { officesResolvers } from './offices/offices.resolvers.js';
import { PUBLISHED_VIEW_PATH, publishedViewRoute } from './published/published-view-route.js';
import { publishedViewResolvers } from './published/published-view.resolvers.js';
import { systemClock, type LiaisonSettings } from './settings.js';
import { INBOX_PATH, inboxRoute } from './transport/inbox-route.js';
import { startLiaisonRelay, type LiaisonRelay } from './transport/relay.js';
import { generateSigningJwk, importSigningKey } from './transport/signing-keys.js';

const sdl = (path: string) => loadSdl(new URL(path, import.meta.url));

export interface LiaisonSubgraphOptions {
  settings: LiaisonSettings;
  /** Longest wait between two attempts to reach an office that is away (10 s by default). */
  maxRetryDelayMs?: number;
}

/**
 * The liaison subgraph (纵向互动 / 横向协作): the office's outward face. 公文 to and from higher,
 * lower and partner offices by the rules of 行文, signed by the office and carried by an outbox
 * and an idempotent inbox over HTTPS, so each arrives exactly once, in order per matter.
 */
export function createLiaisonSubgraph({ settings, maxRetryDelayMs }: LiaisonSubgraphOptions) {
  const relay: { current: LiaisonRelay | null } = { current: null };
  return defineSubgraph({
    name: 'liaison',
    typeDefs: [
      sdl('./common/common.graphql'),
      sdl('./offices/offices.graphql'),
      sdl('./links/links.graphql'),
      sdl('./documents/documents.graphql'),
      sdl('./matters/matters.graphql'),
      sdl('./published/published.graphql'),
    ],
    resolvers: [
      commonResolvers,
      officesResolvers(settings),
      linksResolvers(settings),
      documentsResolvers(settings, relay),
      mattersResolvers(settings, relay),
      publishedViewResolvers(settings),
    ],
    models: liaisonModels,
    createLoaders: createLiaisonLoaders,
    eventHandlers: (runtime) => [
      mattersIntake(runtime, settings, () => relay.current?.wake()),
      signedForIntake(runtime, settings, () => relay.current?.wake()),
    ],
    routes: (runtime) => ({
      [INBOX_PATH]: inboxRoute(runtime, settings),
      [PUBLISHED_VIEW_PATH]: publishedViewRoute(runtime, settings),
    }),
    async onReady(runtime) {
      relay.current = startLiaisonRelay(runtime, settings, { maxRetryDelayMs });
      runtime.logger.info(
        { officeId: settings.office.id, links: settings.links.map((link) => link.officeId) },
        'liaison relay started',
      );
    },
  });
}

/** The settings from the environment; the demo office and a throw-away key when unset (DEMO_DATA). */
export async function liaisonSettingsFrom(env: LiaisonEnv): Promise<LiaisonSettings> {
  const demoOffice = demoOffices.find((office) => office.id === OWN_OFFICE_ID)!;
  return {
    office: {
      id: env.LIAISON_OFFICE_ID ?? demoOffice.id,
      name: env.LIAISON_OFFICE_NAME ?? demoOffice.name,
      secretariatDivisionId:
        env.LIAISON_SECRETARIAT_DIVISION_ID ??
        (env.DEMO_DATA
          ? (demoDivisions.find((division) => division.kind === 'SECRETARIAT')?.id ?? null)
          : null),
    },
    signingKey: await importSigningKey(
      env.LIAISON_SIGNING_KEY ?? (await generateSigningJwk(`${demoOffice.id}-ephemeral`)),
    ),
    links: env.LIAISON_LINKS,
    clock: systemClock,
    relay: {
      intervalMs: env.LIAISON_RELAY_INTERVAL_MS,
      deliveryTimeoutMs: env.LIAISON_DELIVERY_TIMEOUT_MS,
    },
  };
}

export type { LiaisonSettings } from './settings.js';
export type { Link } from './links/links.config.js';
export { generateSigningJwk, importSigningKey } from './transport/signing-keys.js';
export { signMessage } from './transport/message-signing.js';
