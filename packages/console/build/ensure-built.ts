/**
 * Builds the console once per version of its sources: the output goes to `dist/<hash>/`, named by
 * a hash of everything the build reads, so `pnpm start` and the browser tests reuse a build that
 * is still current (a second start costs a hash of the sources, not a build) and two builds at
 * once never write into each other's directory.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(packageDir, 'dist');
const rootDir = join(packageDir, '..', '..');

/** Builds kept besides the current one (a running gateway may still serve an older one). */
const KEEP_BUILDS = 3;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** A hash of the sources, the build configuration and the locked dependency versions. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder(join(packageDir, 'src')).filter((f) => !/\.test\.tsx?$/.test(f)),
    join(packageDir, 'index.html'),
    join(packageDir, 'vite.config.ts'),
    join(packageDir, 'package.json'),
    join(rootDir, 'pnpm-lock.yaml'),
  ].sort();
  for (const file of inputs) {
    hash.update(relative(packageDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Writes `name.gz` beside each text asset, which the gateway (sirv) serves to gzip-capable clients. */
function precompress(dir: string): void {
  for (const file of filesUnder(dir)) {
    if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
    writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
  }
}

function runViteBuild(outDir: string, log: (line: string) => void): Promise<void> {
  const viteBin = join(
    dirname(createRequire(join(packageDir, 'package.json')).resolve('vite/package.json')),
    'bin/vite.js',
  );
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [viteBin, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) {
        if (output.trim()) log(output.trim());
        resolve();
      } else reject(new Error(`console build failed (exit ${code}):\n${output}`));
    });
  });
}

function pruneOldBuilds(current: string): void {
  if (!existsSync(distDir)) return;
  const builds = readdirSync(distDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== current)
    .map((entry) => ({
      path: join(distDir, entry.name),
      at: statSync(join(distDir, entry.name)).mtimeMs,
    }))
    .sort((a, b) => b.at - a.at);
  for (const old of builds.slice(KEEP_BUILDS)) rmSync(old.path, { recursive: true, force: true });
}

/** The directory of a build of the current sources, building it first if there is none. */
export async function ensureConsoleBuilt(log: (line: string) => void = () => {}): Promise<string> {
  const hash = sourceHash();
  const target = join(distDir, hash);
  if (existsSync(join(target, 'index.html'))) return target;

  log(`building the console (${hash})…`);
  const temporary = join(distDir, `.${hash}-${process.pid}-${Date.now()}`);
  try {
    await runViteBuild(temporary, log);
    precompress(temporary);
    try {
      renameSync(temporary, target);
    } catch (error) {
      // Someone else finished the same build first: theirs is as good as this one.
      if (!existsSync(join(target, 'index.html'))) throw error;
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  pruneOldBuilds(hash);
  return target;
}
