/**
 * `pnpm --filter @heli/console bench`: the console's initial JavaScript, gzipped — what the
 * browser must fetch before the first page shows: the entry (main.tsx), the console's shell it
 * loads (app/ConsoleApp.tsx), the 工作台's chunk, and every chunk those import, read from Vite's
 * build manifest. Target ≤ 500 KB; exits 1 above it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureConsoleBuilt } from '../build/ensure-built.js';

const TARGET_BYTES = 500 * 1024;
/** What the first page (工作台) loads: the entry (index.html's script, main.tsx) and the two chunks it imports dynamically. */
const FIRST_PAGE = [
  'index.html',
  'src/app/ConsoleApp.tsx',
  'src/pages/workbench/WorkbenchPage.tsx',
];

interface ManifestChunk {
  file: string;
  imports?: string[];
}

const dir = await ensureConsoleBuilt();
const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;
const files = new Set<string>();
const visit = (key: string) => {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  chunk.imports?.forEach(visit);
};
FIRST_PAGE.forEach(visit);

let total = 0;
for (const file of [...files].filter((f) => f.endsWith('.js'))) {
  const size = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  total += size;
  process.stdout.write(`${(size / 1024).toFixed(1).padStart(8)} KB  ${file}\n`);
}
process.stdout.write(
  `${(total / 1024).toFixed(1).padStart(8)} KB  initial JavaScript, gzip (target ≤ ${TARGET_BYTES / 1024} KB)\n`,
);
if (total > TARGET_BYTES) process.exitCode = 1;
