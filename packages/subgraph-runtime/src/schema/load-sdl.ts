import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, print, type DocumentNode } from 'graphql';
import { mergeTypeDefs } from './merge-type-defs.js';

/** Parses one `.graphql` file, usually `loadSdl(new URL('./division.graphql', import.meta.url))`. */
export function loadSdl(url: URL): DocumentNode {
  const path = fileURLToPath(url);
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot load SDL from ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Every `.graphql` file under `dir` (a path or a `file:` URL), searched recursively, in path order
 * so the result does not depend on the file system's listing order.
 */
export function loadSubgraphTypeDefs(dir: string | URL): DocumentNode[] {
  const root = typeof dir === 'string' ? dir : fileURLToPath(dir);
  return graphqlFilesUnder(root).map((file) => loadSdl(pathToFileURL(file)));
}

/**
 * The subgraph SDL a service's source folder defines, as one printed document — what the
 * gateway's `pnpm compose` feeds to composition. Composition reads files rather than asking
 * running subgraphs, because subgraphs refuse unauthenticated requests, introspection included.
 */
export function readSubgraphSdl(srcDir: string): string {
  const documents = loadSubgraphTypeDefs(srcDir);
  if (documents.length === 0) throw new Error(`No .graphql files under ${srcDir}`);
  return print(mergeTypeDefs(documents));
}

function graphqlFilesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.graphql'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(root, file).split('/').includes('node_modules'))
    .sort();
}
