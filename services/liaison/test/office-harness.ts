import type { Classification, HeliClaims } from '@heli/auth';
import {
  freePort,
  graphql,
  tokenFor,
  uniqueDbName,
  uniqueNamespace,
  type TestMongo,
} from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { createSharingSubgraph } from '@heli/sharing';
import type { Link } from '../src/links/links.config.js';
import type { LiaisonModels } from '../src/models.js';
import { createLiaisonSubgraph } from '../src/server.js';
import { systemClock, type LiaisonSettings } from '../src/settings.js';
import { generateSigningJwk, importSigningKey } from '../src/transport/signing-keys.js';

export const CITY = { id: 'office-harbin', name: '中共哈尔滨市委办公厅', short: '市委办公厅' };
export const DISTRICT = {
  id: 'office-daoli',
  name: '中共哈尔滨市道里区委办公室',
  short: '道里区委办公室',
};

/** A port nobody listens on now, so an office can be stopped and started again at the same URL. */

export interface TestOffice {
  id: string;
  name: string;
  port: number;
  /** The NATS namespace all the office's subgraphs share. */
  namespace: string;
  settings: LiaisonSettings;
  /** The running liaison subgraph; replaced by `restart` (sharing too, when there is one). */
  subgraph: TestSubgraph<LiaisonModels>;
  /** The office's sharing subgraph, on the same NATS namespace, when started `withSharing`. */
  sharing: TestSubgraph | undefined;
  models(): LiaisonModels;
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** A GraphQL call as a person of this office. */
  as<T = Record<string, unknown>>(
    person: Partial<HeliClaims>,
    query: string,
    variables?: Record<string, unknown>,
  ): ReturnType<typeof graphql<T>>;
}

/** The secretariat head of an office: may send, sign for and read up to 机密. */
export const secretariat = (officeId: string): Partial<HeliClaims> => ({
  sub: `${officeId}-secretariat-head`,
  officeId,
  divisionId: `${officeId}-secretariat`,
  roles: ['DIVISION_HEAD'],
  clearance: 'SECRET',
});

/**
 * An office's sharing subgraph, where liaison's 收文 is registered for the secretariat. Its
 * directory (kept from responsibility's events in a whole deployment) is given the one thing the
 * registration needs: the office's secretariat and its head.
 */
async function startSharing(
  mongo: TestMongo,
  office: { id: string; namespace: string; sharingDbName: string },
): Promise<TestSubgraph> {
  const sharing = await startTestSubgraph(
    createSharingSubgraph({ loadDemoData: false, sweepIntervalMs: 0 }),
    {
      MONGODB_URI: mongo.uri,
      MONGODB_DB: office.sharingDbName,
      HELI_NAMESPACE: office.namespace,
    },
  );
  await sharing.conn
    .collection<{ _id: string; officeId: string; name: string; kind: string; headStaffId: string }>(
      'directory_divisions',
    )
    .updateOne(
      { _id: `${office.id}-secretariat` },
      {
        $set: {
          officeId: office.id,
          name: '秘书科',
          kind: 'SECRETARIAT',
          headStaffId: `${office.id}-secretariat-head`,
        },
      },
      { upsert: true },
    );
  return sharing;
}

/**
 * Two or more offices, each with its own liaison subgraph, database, NATS namespace and key pair,
 * linked to each other as `relations` says (`[a, b, relation of b seen from a, max classification]`).
 * `withSharing` also runs each office's sharing subgraph, which registers what arrives as 收文.
 */
export async function startOffices(
  mongo: TestMongo,
  offices: readonly { id: string; name: string }[],
  relations: readonly [string, string, 'HIGHER' | 'LOWER' | 'PARTNER', Classification][],
  { relayIntervalMs = 100, maxRetryDelayMs = 400, withSharing = false } = {},
): Promise<Map<string, TestOffice>> {
  const prepared = await Promise.all(
    offices.map(async (office) => ({
      ...office,
      port: await freePort(),
      dbName: uniqueDbName('liaison'),
      sharingDbName: uniqueDbName('sharing'),
      // One namespace per office for all its subgraphs and restarts: its events stay its own.
      namespace: uniqueNamespace(),
      key: await importSigningKey(await generateSigningJwk(`${office.id}-2026`)),
      links: [] as Link[],
    })),
  );
  const byId = new Map(prepared.map((office) => [office.id, office]));
  const opposite = { HIGHER: 'LOWER', LOWER: 'HIGHER', PARTNER: 'PARTNER' } as const;
  for (const [a, b, relation, maxClassification] of relations) {
    const from = byId.get(a)!;
    const to = byId.get(b)!;
    const linkFor = (office: typeof from, rel: Link['relation']): Link => ({
      officeId: office.id,
      name: office.name,
      relation: rel,
      url: `http://127.0.0.1:${office.port}`,
      maxClassification,
      publicKeys: [office.key.publicJwk],
    });
    from.links.push(linkFor(to, relation));
    to.links.push(linkFor(from, opposite[relation]));
  }

  const started = new Map<string, TestOffice>();
  for (const office of prepared) {
    const settings: LiaisonSettings = {
      office: {
        id: office.id,
        name: office.name,
        secretariatDivisionId: `${office.id}-secretariat`,
      },
      signingKey: office.key,
      links: office.links,
      clock: systemClock,
      relay: { intervalMs: relayIntervalMs, deliveryTimeoutMs: 2_000 },
    };
    const start = () =>
      startTestSubgraph(createLiaisonSubgraph({ settings, maxRetryDelayMs }), {
        MONGODB_URI: mongo.uri,
        MONGODB_DB: office.dbName,
        HELI_NAMESPACE: office.namespace,
        PORT: String(office.port),
      });
    const tokens = new Map<string, string>();
    const handle: TestOffice = {
      id: office.id,
      name: office.name,
      port: office.port,
      namespace: office.namespace,
      settings,
      subgraph: await start(),
      sharing: withSharing ? await startSharing(mongo, office) : undefined,
      models: () => handle.subgraph.models,
      async stop() {
        await handle.subgraph.close();
        await handle.sharing?.close();
      },
      async restart() {
        handle.subgraph = await start();
        if (withSharing) handle.sharing = await startSharing(mongo, office);
      },
      async as(person, query, variables) {
        const key = JSON.stringify(person);
        let token = tokens.get(key);
        if (token === undefined) {
          token = await tokenFor({ officeId: office.id, ...person });
          tokens.set(key, token);
        }
        return graphql(handle.subgraph.url, query, variables, token);
      },
    };
    started.set(office.id, handle);
  }
  return started;
}

export const SEND = /* GraphQL */ `
  mutation Send($input: SendOfficialDocumentInput!) {
    sendOfficialDocument(input: $input) {
      id
      kind
      direction
      documentNumber
      mainRecipients {
        officeName
        delivery
      }
    }
  }
`;

export const DOCUMENT = /* GraphQL */ `
  query Document($id: ID!) {
    officialDocument(id: $id) {
      id
      box
      kind
      direction
      title
      documentNumber
      issuingOfficeName
      classification
      urgency
      signer
      writtenOn
      attachments
      receivedAt
      signedForAt
      inReplyTo {
        id
        kind
        title
      }
      replies {
        id
        kind
      }
      mainRecipients {
        office {
          id
        }
        officeName
        delivery
        failureReason
        attempts
        deliveredAt
        signedForAt
      }
      ccRecipients {
        officeName
        delivery
      }
    }
  }
`;

let serial = 0;

/** A 通知 from the city to `to`, valid unless `over` changes that. */
export function notice(to: readonly string[], over: Record<string, unknown> = {}) {
  return {
    kind: 'NOTICE',
    mainRecipientIds: to,
    classification: 'INTERNAL',
    urgency: 'URGENT',
    documentNumber: `哈委办发〔2026〕${++serial}号`,
    title: '关于做好年底督查工作的通知',
    body: '各区县委办公室：现将年底督查工作有关事项通知如下……',
    writtenOn: '2026-12-01',
    attachments: ['年底督查工作台账'],
    ...over,
  };
}
