// The production build of the gateway (ADR 015): `pnpm --filter @heli/gateway build` compiles
// src/index.ts and the workspace packages it uses (@heli/*, TypeScript sources only) into plain
// ES modules under dist/, so `node dist/index.js` starts without transpiling anything. Packages
// the gateway depends on itself stay imports of its node_modules (installed as they are, never
// rewritten); a package only a workspace package depends on is bundled in, as pnpm does not make
// it visible from gateway/.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const gatewayDir = fileURLToPath(new URL('..', import.meta.url));
const outdir = fileURLToPath(new URL('../dist', import.meta.url));

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const gatewayDependencies: Plugin = {
  name: 'gateway-dependencies',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      if (path.startsWith('node:') || path.startsWith('@heli/')) return undefined;
      const name = packageName(path);
      return existsSync(`${gatewayDir}/node_modules/${name}`)
        ? { path, external: true }
        : undefined;
    });
  },
};

/**
 * The workspace packages' modules only declare (functions, schemas, constants): marked free of
 * side effects, so what an entry does not use is left out of its chunks instead of being loaded
 * because a package index re-exports it — the supervisor's chunks stay the supervisor's.
 */
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

await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { index: `${gatewayDir}/src/index.ts`, worker: `${gatewayDir}/src/worker.ts` },
  outdir,
  bundle: true,
  // Two whole bundles rather than shared chunks: a chunk shared by both entries would make the
  // supervisor (index.js) load the server's imports (Apollo, graphql) with it.
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  packages: 'bundle',
  plugins: [gatewayDependencies, workspaceWithoutSideEffects],
  // Bundled CommonJS packages call require(); ES modules have none of their own.
  banner: {
    js: "import { createRequire as __heliCreateRequire } from 'node:module'; const require = __heliCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  absWorkingDir: gatewayDir,
  metafile: true,
});

/** What an entry loads before it runs: its file and every chunk it imports statically. */
function staticallyLoaded(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const { path, kind } of result.metafile.outputs[file]?.imports ?? [])
    if (kind === 'import-statement' && path.startsWith('dist/')) staticallyLoaded(path, seen);
  return seen;
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
for (const entry of ['dist/index.js', 'dist/worker.js']) {
  const files = [...staticallyLoaded(path.relative(gatewayDir, `${outdir}/${entry.slice(5)}`))];
  const bytes = files.reduce((sum, f) => sum + (result.metafile.outputs[f]?.bytes ?? 0), 0);
  const external = new Set(
    files.flatMap((f) =>
      (result.metafile.outputs[f]?.imports ?? [])
        .filter((i) => i.external && !i.path.startsWith('node:'))
        .map((i) => i.path),
    ),
  );
  console.log(
    `${entry}: ${kb(bytes)} in ${files.length} files; packages: ${[...external].sort().join(' ')}`,
  );
}
