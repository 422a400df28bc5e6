/**
 * The production build of a deployable (the gateway, each subgraph; ADR 015): its entry points and
 * the workspace packages they use (@heli/*, TypeScript only) compiled with esbuild into plain ES
 * modules under `<package>/dist/`, so `node dist/index.js` starts without transpiling anything.
 * Packages the deployable depends on itself stay imports of its node_modules (installed as they
 * are, never rewritten); a package only a workspace package depends on is imported by its path.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

export interface BundleOptions {
  /** The deployable's folder (where its package.json and node_modules are). */
  packageDir: string;
  /** Output name → entry file relative to `packageDir`, e.g. `{ index: 'src/index.ts' }`. */
  entries: Record<string, string>;
  /**
   * Treat the workspace packages' modules as free of side effects, so what an entry does not use
   * is left out even when a package index re-exports it (the gateway's supervisor). Only for
   * deployables whose packages do nothing on import.
   */
  workspaceWithoutSideEffects?: boolean;
}

export interface BundleResult {
  outdir: string;
  metafile: Metafile;
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Every third-party package stays outside the bundle (native addons, files read beside the
 * package, one instance per process): the deployable's own dependencies by name, others — which
 * pnpm does not make visible from the deployable's folder — by the path from `dist/` to the file
 * they resolve to, which holds wherever the installed tree is (repository, image).
 */
function thirdPartyExternal(packageDir: string, outdir: string): Plugin {
  return {
    name: 'third-party-external',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        const { path } = args;
        if (args.pluginData === 'resolving') return undefined;
        if (path.startsWith('node:') || path.startsWith('@heli/')) return undefined;
        if (existsSync(join(packageDir, 'node_modules', packageName(path))))
          return { path, external: true };
        const resolved = await b.resolve(path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'resolving',
        });
        if (resolved.errors.length > 0 || !resolved.path.includes(`${sep}node_modules${sep}`))
          return undefined;
        const fromDist = relative(outdir, resolved.path).split(sep).join('/');
        return { path: fromDist.startsWith('.') ? fromDist : `./${fromDist}`, external: true };
      });
    },
  };
}

/**
 * `import.meta.url` in a workspace source file keeps meaning that file, so `loadSdl(new URL(
 * './x.graphql', import.meta.url))` still finds the SDL beside it: the bundle's own URL joined
 * with the path from `dist/` back to the source, which ships beside `dist/` (repository, image).
 */
function sourceFileImportMetaUrl(outdir: string): Plugin {
  return {
    name: 'source-file-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.tsx?$/ }, async ({ path }) => {
        if (path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = await readFile(path, 'utf8');
        if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
        const fromDist = relative(outdir, path).split(sep).join('/');
        return {
          contents: source.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`,
          ),
          loader: path.endsWith('x') ? 'tsx' : 'ts',
        };
      });
    },
  };
}

const workspaceWithoutSideEffects: Plugin = {
  name: 'workspace-without-side-effects',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const fromWorkspace = args.path.startsWith('@heli/') || args.importer.includes('/packages/');
      if (!fromWorkspace || args.path.startsWith('node:')) return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      if (resolved.external || !resolved.path.includes('/packages/')) return undefined;
      return { ...resolved, sideEffects: false };
    });
  },
};

export async function bundleDeployable(options: BundleOptions): Promise<BundleResult> {
  const { packageDir } = options;
  const outdir = join(packageDir, 'dist');
  await rm(outdir, { recursive: true, force: true });
  // One build per entry: no chunk is shared between entries (a shared chunk would make each load
  // the other's imports — the gateway's supervisor would load Apollo), while an entry's dynamic
  // `import()`s become chunks of their own, loaded when reached (the gateway's schema-registry
  // source and its NATS client only in registry mode).
  const metafiles: Metafile[] = [];
  for (const [name, entry] of Object.entries(options.entries)) {
    const result = await build({
      entryPoints: { [name]: join(packageDir, entry) },
      outdir,
      bundle: true,
      splitting: true,
      chunkNames: `${name}-[name]-[hash]`,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: true,
      packages: 'bundle',
      plugins: [
        thirdPartyExternal(packageDir, outdir),
        ...(options.workspaceWithoutSideEffects ? [workspaceWithoutSideEffects] : []),
        sourceFileImportMetaUrl(outdir),
      ],
      // Bundled CommonJS packages call require(); ES modules have none of their own.
      banner: {
        js: "import { createRequire as __heliCreateRequire } from 'node:module'; const require = __heliCreateRequire(import.meta.url);",
      },
      logLevel: 'warning',
      absWorkingDir: packageDir,
      metafile: true,
    });
    metafiles.push(result.metafile);
  }
  return {
    outdir,
    metafile: {
      inputs: Object.assign({}, ...metafiles.map((m) => m.inputs)) as Metafile['inputs'],
      outputs: Object.assign({}, ...metafiles.map((m) => m.outputs)) as Metafile['outputs'],
    },
  };
}

/**
 * One line per entry: its size and the packages it imports at start-up, then those only a
 * dynamic `import()` reaches (loaded when that code runs, if ever).
 */
export function describeBundle({ metafile }: BundleResult): string[] {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
  const { outputs } = metafile;
  /** The output files and external packages `file` loads, following its chunks' imports. */
  const reach = (file: string, seen: Set<string>, packages: Set<string>, lazy: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of outputs[file]?.imports ?? []) {
      if (i.path.startsWith('node:')) continue;
      if (!i.external) {
        if (i.kind === 'dynamic-import') lazy.push(i.path);
        else reach(i.path, seen, packages, lazy);
        continue;
      }
      packages.add(packageName(i.path.split('/node_modules/').at(-1) ?? i.path));
    }
  };
  // esbuild marks the chunks of dynamic imports as entry points too; the deployable's are the rest.
  const imported = new Set(
    Object.values(outputs).flatMap((o) =>
      o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    ),
  );
  return Object.entries(outputs)
    .filter(([file, output]) => output.entryPoint !== undefined && file.endsWith('.js'))
    .filter(([file]) => !imported.has(file))
    .map(([file, output]) => {
      const seen = new Set<string>();
      const atStart = new Set<string>();
      const lazyChunks: string[] = [];
      reach(file, seen, atStart, lazyChunks);
      const onDemand = new Set<string>();
      for (const chunk of lazyChunks) reach(chunk, seen, onDemand, []);
      const later = [...onDemand].filter((p) => !atStart.has(p)).sort();
      return (
        `${file}: ${kb(output.bytes)}; packages: ${[...atStart].sort().join(' ')}` +
        (later.length > 0 ? `; on demand: ${later.join(' ')}` : '')
      );
    });
}
