import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from './kustomize-lite.js';

/** A kustomize that may be installed: the standalone binary or the one built into kubectl. */
export interface KustomizeTool {
  name: string;
  build(dir: string): K8sObject[];
}

export function findKustomizeTool(): KustomizeTool | undefined {
  const candidates = [
    { name: 'kustomize build', command: 'kustomize', args: ['build'], probe: ['version'] },
    {
      name: 'kubectl kustomize',
      command: 'kubectl',
      args: ['kustomize'],
      probe: ['version', '--client'],
    },
  ];
  const found = candidates.find(({ command, probe }) => {
    try {
      execFileSync(command, probe, { stdio: 'ignore', timeout: 60_000 });
      return true;
    } catch {
      return false;
    }
  });
  if (!found) return undefined;
  return {
    name: found.name,
    build: (dir) =>
      parseAllDocuments(
        execFileSync(found.command, [...found.args, dir], { encoding: 'utf8', timeout: 120_000 }),
      )
        .map((doc) => doc.toJS() as K8sObject | null)
        .filter((object): object is K8sObject => object !== null),
  };
}
