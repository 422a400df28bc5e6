import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { containersOf, renderKustomization, type K8sObject } from './kustomize-lite.js';
import { findKustomizeTool } from './kustomize-tool.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OVERLAY = join(ROOT, 'infra/k8s/overlays/production');
const SUBGRAPHS = [
  'responsibility',
  'sharing',
  'interaction',
  'achievement',
  'assessment',
  'liaison',
  'notifications',
] as const;

/** The Kubernetes schema of each kind the manifests use (kubernetes-models, validated with ajv). */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
};

function validateAgainstSchema(object: K8sObject): void {
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  new Model(object as never).validate();
}

const tool = findKustomizeTool();
const lite = renderKustomization(OVERLAY);
const objects = tool ? tool.build(OVERLAY) : lite;
const renderedBy = tool ? tool.name : 'kustomize-lite (no kustomize or kubectl here)';
// Says in the test output which renderer ran.
console.info(`infra/k8s/overlays/production rendered by ${renderedBy}`);

const keyOf = (o: K8sObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const find = (kind: string, name: string): K8sObject => {
  const object = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!object) throw new Error(`no ${kind} ${name}`);
  return object;
};
const spec = <T>(object: K8sObject) => object['spec'] as T;

type Probe = { httpGet?: { path: string; port: string | number } };
type Container = {
  name: string;
  image: string;
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: Array<{
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
  }>;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: { cpu?: string; memory?: string } };
};
type LabelSelector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
};
type Peer = { podSelector?: LabelSelector; namespaceSelector?: LabelSelector };
type NetworkPolicySpec = {
  podSelector: LabelSelector;
  policyTypes?: string[];
  ingress?: Array<{ from?: Peer[] }>;
};

function podLabels(workload: K8sObject): Record<string, string> {
  return spec<{ template: { metadata: { labels: Record<string, string> } } }>(workload).template
    .metadata.labels;
}

function matches(selector: LabelSelector, labels: Record<string, string>): boolean {
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every(
    ({ key, operator, values = [] }) => {
      if (operator === 'In') return values.includes(labels[key] ?? '');
      if (operator === 'NotIn') return !values.includes(labels[key] ?? '');
      if (operator === 'Exists') return key in labels;
      if (operator === 'DoesNotExist') return !(key in labels);
      throw new Error(`operator ${operator}`);
    },
  );
  return byLabels && byExpressions;
}

/**
 * Whether a pod with `from` labels, in the same namespace, may open a connection to a pod with `to`
 * labels: some policy selects the target and one of its ingress rules admits the source (a rule
 * without `from` admits everyone). A target no policy selects would admit anyone, so that counts.
 */
function admits(to: Record<string, string>, from: Record<string, string>): boolean {
  const policies = objects
    .filter((o) => o.kind === 'NetworkPolicy')
    .map((o) => spec<NetworkPolicySpec>(o))
    .filter((p) => matches(p.podSelector, to));
  if (policies.length === 0) return true;
  return policies.some((p) =>
    (p.ingress ?? []).some(
      (rule) =>
        rule.from === undefined ||
        rule.from.some(
          (peer) =>
            peer.namespaceSelector === undefined &&
            peer.podSelector !== undefined &&
            matches(peer.podSelector, from),
        ),
    ),
  );
}

describe(`Kubernetes manifests, production overlay (rendered by ${renderedBy})`, () => {
  it('every object validates against its Kubernetes schema', () => {
    expect(objects.length).toBeGreaterThan(30);
    for (const object of objects) {
      expect(() => validateAgainstSchema(object), keyOf(object)).not.toThrow();
    }
  });

  it('the schema validation refuses a broken object (it is not a formality)', () => {
    const gateway = structuredClone(find('Deployment', 'gateway'));
    (gateway['spec'] as { replicas: unknown }).replicas = 'three';
    expect(() => validateAgainstSchema(gateway)).toThrow(/replicas must be integer/);
    const nameless = structuredClone(find('Deployment', 'sharing'));
    delete (containersOf(nameless)[0] as { name?: string }).name;
    expect(() => validateAgainstSchema(nameless)).toThrow(/required property name/);
  });

  it(
    tool
      ? `kustomize-lite renders the overlay exactly as ${tool.name} does`
      : 'kustomize-lite rendered the overlay (no kustomize binary here to compare it with)',
    () => {
      const byKey = (list: K8sObject[]) =>
        Object.fromEntries(list.map((o) => [keyOf(o), o] as const));
      expect(byKey(lite)).toEqual(byKey(objects));
    },
  );

  it('each subgraph and the gateway: probes on /ready and /health at its own port, requests, released image', () => {
    for (const name of [...SUBGRAPHS, 'gateway']) {
      const deployment = find('Deployment', name);
      expect(deployment.metadata.namespace).toBe('heli');
      const [container] = containersOf(deployment) as unknown as Container[];
      const port =
        name === 'gateway'
          ? 4000
          : (
              JSON.parse(readFileSync(join(ROOT, 'services', name, 'package.json'), 'utf8')) as {
                heli: { port: number };
              }
            ).heli.port;
      expect(container!.ports).toEqual([{ name: 'http', containerPort: port }]);
      expect(container!.env?.find((e) => e.name === 'PORT')?.value).toBe(String(port));
      expect(container!.readinessProbe?.httpGet).toEqual({ path: '/ready', port: 'http' });
      expect(container!.livenessProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(container!.resources?.requests).toEqual({
        cpu: expect.any(String),
        memory: expect.any(String),
      });
      expect(container!.image).toBe(`registry.heli.internal/heli/${name}:1.0.0`);
      const service = spec<{ ports: Array<{ port: number }> }>(find('Service', name));
      expect(service.ports[0]?.port).toBe(port);
    }
    expect(spec<{ replicas: number }>(find('Deployment', 'gateway')).replicas).toBe(3);
  });

  it('every workload container asks for CPU and memory', () => {
    for (const workload of objects.filter((o) => ['Deployment', 'StatefulSet'].includes(o.kind))) {
      for (const container of containersOf(workload) as unknown as Container[]) {
        expect(container.resources?.requests?.cpu, keyOf(workload)).toBeDefined();
        expect(container.resources?.requests?.memory, keyOf(workload)).toBeDefined();
      }
    }
  });

  it('a HorizontalPodAutoscaler scales the gateway and each subgraph', () => {
    for (const name of [...SUBGRAPHS, 'gateway']) {
      const hpa = spec<{
        scaleTargetRef: { kind: string; name: string };
        minReplicas: number;
        maxReplicas: number;
      }>(find('HorizontalPodAutoscaler', name));
      expect(hpa.scaleTargetRef).toMatchObject({ kind: 'Deployment', name });
      expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.maxReplicas).toBeGreaterThan(hpa.minReplicas);
    }
    expect(
      spec<{ maxReplicas: number }>(find('HorizontalPodAutoscaler', 'gateway')).maxReplicas,
    ).toBe(20);
  });

  it('a PodDisruptionBudget covers every workload', () => {
    const budgets = objects
      .filter((o) => o.kind === 'PodDisruptionBudget')
      .map((o) => spec<{ selector: LabelSelector }>(o).selector);
    for (const workload of objects.filter((o) => ['Deployment', 'StatefulSet'].includes(o.kind))) {
      expect(
        budgets.some((selector) => matches(selector, podLabels(workload))),
        keyOf(workload),
      ).toBe(true);
    }
  });

  it('network policies: subgraphs only from the gateway; MongoDB and NATS only from the services', () => {
    const labelsOf = (kind: string, name: string) => podLabels(find(kind, name));
    const gateway = labelsOf('Deployment', 'gateway');
    const console = labelsOf('Deployment', 'console');
    const mongo = labelsOf('StatefulSet', 'mongo');
    const nats = labelsOf('StatefulSet', 'nats');
    const stranger = { app: 'something-else' };
    for (const name of SUBGRAPHS) {
      const subgraph = labelsOf('Deployment', name);
      expect(admits(subgraph, gateway), `gateway → ${name}`).toBe(true);
      for (const [from, labels] of Object.entries({ console, mongo, nats, stranger })) {
        expect(admits(subgraph, labels), `${from} → ${name}`).toBe(false);
      }
      for (const other of SUBGRAPHS.filter((s) => s !== name)) {
        expect(admits(subgraph, labelsOf('Deployment', other)), `${other} → ${name}`).toBe(false);
      }
      expect(admits(mongo, subgraph), `${name} → mongo`).toBe(true);
      expect(admits(nats, subgraph), `${name} → nats`).toBe(true);
    }
    expect(admits(nats, gateway), 'gateway → nats (schema registry)').toBe(true);
    expect(admits(mongo, gateway), 'gateway → mongo').toBe(false);
    for (const [from, labels] of Object.entries({ console, stranger })) {
      expect(admits(mongo, labels), `${from} → mongo`).toBe(false);
      expect(admits(nats, labels), `${from} → nats`).toBe(false);
    }
    expect(admits(gateway, stranger), 'anyone → gateway').toBe(true);
  });

  it("the console's production sign-in reaches the gateway, and one issuer and audience every verifier", () => {
    const signIn = find('ConfigMap', 'heli-sign-in') as K8sObject & {
      data: Record<string, string>;
    };
    expect(Object.keys(signIn.data).sort()).toEqual([
      'OIDC_CLIENT_ID',
      'OIDC_ISSUER',
      'OIDC_RESOURCE',
      'OIDC_SCOPES',
    ]);
    expect(signIn.data['OIDC_SCOPES']).toContain('openid');
    const config = find('ConfigMap', 'heli-config') as K8sObject & { data: Record<string, string> };
    for (const key of ['JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE'])
      expect(config.data).toHaveProperty(key);

    type Sourced = {
      env?: Array<{
        name: string;
        valueFrom?: { configMapKeyRef?: { name: string; key: string } };
      }>;
      envFrom?: Array<{ configMapRef?: { name: string } }>;
    };
    const sources = (container: Sourced) =>
      (container.envFrom ?? []).map((e) => e.configMapRef?.name);
    const gateway = containersOf(find('Deployment', 'gateway'))[0] as unknown as Sourced;
    expect(sources(gateway)).toContain('heli-sign-in');
    for (const key of ['JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE']) {
      const variable = gateway.env?.find((e) => e.name === key);
      expect(variable?.valueFrom?.configMapKeyRef, key).toEqual({ name: 'heli-config', key });
    }
    for (const name of SUBGRAPHS) {
      const container = containersOf(find('Deployment', name))[0] as unknown as Sourced;
      // Every key of heli-config, the issuer and audience among them; the console's client not.
      expect(sources(container), name).toContain('heli-config');
      expect(sources(container), name).not.toContain('heli-sign-in');
    }
  });

  it('keys come from the heli-keys Secret, and every key a pod reads is there or optional', () => {
    const secret = find('Secret', 'heli-keys') as K8sObject & {
      stringData: Record<string, string>;
    };
    for (const workload of objects.filter((o) => ['Deployment', 'Job'].includes(o.kind))) {
      for (const container of containersOf(workload) as unknown as Container[]) {
        for (const { valueFrom } of container.env ?? []) {
          const ref = valueFrom?.secretKeyRef;
          if (!ref) continue;
          expect(ref.name).toBe('heli-keys');
          if (!ref.optional) expect(Object.keys(secret.stringData)).toContain(ref.key);
        }
      }
    }
    for (const name of [...SUBGRAPHS, 'gateway']) {
      const env = (containersOf(find('Deployment', name))[0] as unknown as Container).env ?? [];
      const signing = env.find((e) => e.name === 'GATEWAY_SIGNING_SECRET');
      expect(signing?.valueFrom?.secretKeyRef, name).toMatchObject({ name: 'heli-keys' });
    }
  });
});
