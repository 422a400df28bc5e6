import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** A Kubernetes object as read from YAML. */
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
};

interface Kustomization {
  namespace?: string;
  resources?: string[];
  images?: Array<{ name: string; newName?: string; newTag?: string }>;
  replicas?: Array<{ name: string; count: number }>;
  patches?: Array<{ target: { kind?: string; name?: string }; patch: string }>;
}

/** What this renderer understands; anything else in a kustomization.yaml is refused, not ignored. */
const KNOWN_FIELDS = new Set([
  'apiVersion',
  'kind',
  'namespace',
  'resources',
  'images',
  'replicas',
  'patches',
]);
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);

/**
 * Renders a kustomization the way `kustomize build` does, for the subset Heli's manifests use:
 * resources (files and directories), namespace, images, replicas and inline JSON 6902 patches.
 * Used by the manifest test where no kustomize binary is installed (and compared with one where
 * it is), so that nothing is downloaded at test time.
 */
export function renderKustomization(dir: string): K8sObject[] {
  const kustomization = parse(
    readFileSync(join(dir, 'kustomization.yaml'), 'utf8'),
  ) as Kustomization;
  const unknown = Object.keys(kustomization).filter((key) => !KNOWN_FIELDS.has(key));
  if (unknown.length > 0) {
    throw new Error(
      `${dir}/kustomization.yaml uses ${unknown.join(', ')}, which kustomize-lite does not render`,
    );
  }
  const objects = (kustomization.resources ?? []).flatMap((resource) => {
    const path = join(dir, resource);
    if (statSync(path).isDirectory()) return renderKustomization(path);
    return parseAllDocuments(readFileSync(path, 'utf8'))
      .map((doc) => doc.toJS() as K8sObject | null)
      .filter((object): object is K8sObject => object !== null);
  });
  for (const { target, patch } of kustomization.patches ?? []) {
    const operations = parse(patch) as JsonPatchOperation[];
    const targets = objects.filter(
      (o) =>
        (target.kind === undefined || o.kind === target.kind) &&
        (target.name === undefined || o.metadata.name === target.name),
    );
    if (targets.length === 0)
      throw new Error(`patch target ${JSON.stringify(target)} matches nothing`);
    for (const object of targets) for (const op of operations) applyJsonPatch(object, op);
  }
  if (kustomization.namespace !== undefined) {
    for (const object of objects) {
      if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    }
  }
  for (const { name, count } of kustomization.replicas ?? []) {
    const matches = objects.filter(
      (o) =>
        ['Deployment', 'StatefulSet', 'ReplicaSet'].includes(o.kind) && o.metadata.name === name,
    );
    if (matches.length === 0) throw new Error(`replicas: no workload named ${name}`);
    for (const object of matches) (object['spec'] as { replicas?: number }).replicas = count;
  }
  for (const image of kustomization.images ?? []) {
    for (const container of objects.flatMap(containersOf)) {
      const [name, tag] = splitImage(container.image);
      if (name !== image.name) continue;
      container.image = `${image.newName ?? name}${image.newTag !== undefined ? `:${image.newTag}` : tag === undefined ? '' : `:${tag}`}`;
    }
  }
  return objects;
}

type Container = { image: string; [field: string]: unknown };

/** The containers and init containers of a workload's pod template. */
export function containersOf(object: K8sObject): Container[] {
  const spec = object['spec'] as
    | { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } }
    | undefined;
  const pod = spec?.template?.spec ?? spec?.jobTemplate?.spec?.template?.spec;
  return [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])];
}
type PodSpec = { containers?: Container[]; initContainers?: Container[] };

function splitImage(image: string): [string, string | undefined] {
  const at = image.lastIndexOf(':');
  return at > image.lastIndexOf('/')
    ? [image.slice(0, at), image.slice(at + 1)]
    : [image, undefined];
}

type JsonPatchOperation = { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown };

function applyJsonPatch(object: unknown, { op, path, value }: JsonPatchOperation): void {
  const keys = path
    .split('/')
    .slice(1)
    .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = keys.pop()!;
  let parent = object as Record<string, unknown> | unknown[];
  for (const key of keys) {
    const next = (parent as Record<string, unknown>)[key];
    if (typeof next !== 'object' || next === null) throw new Error(`patch path ${path} not found`);
    parent = next as Record<string, unknown>;
  }
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (op === 'add') parent.splice(index, 0, value);
    else if (index >= parent.length) throw new Error(`patch path ${path} not found`);
    else if (op === 'replace') parent[index] = value;
    else parent.splice(index, 1);
    return;
  }
  if (op !== 'add' && !(last in parent)) throw new Error(`patch path ${path} not found`);
  if (op === 'remove') delete parent[last];
  else parent[last] = value;
}
