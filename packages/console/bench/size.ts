/**
 * `pnpm --filter @heli/console bench`: the console's initial JavaScript, gzipped — what the
 * browser must fetch before the first page (the entry, its preloaded chunks and the 工作台 chunk).
 * Target ≤ 500 KB; exits 1 above it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureConsoleBuilt } from '../build/ensure-built.js';

const TARGET_BYTES = 500 * 1024;

const dir = await ensureConsoleBuilt();
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const firstPage = readdirSync(join(dir, 'assets')).filter(
  (name) => name.startsWith('WorkbenchPage-') && name.endsWith('.js'),
);
const files = [...new Set([...referenced, ...firstPage.map((name) => `assets/${name}`)])];
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  total += size;
  process.stdout.write(`${(size / 1024).toFixed(1).padStart(8)} KB  ${file}\n`);
}
process.stdout.write(
  `${(total / 1024).toFixed(1).padStart(8)} KB  initial JavaScript, gzip (target ≤ ${TARGET_BYTES / 1024} KB)\n`,
);
if (total > TARGET_BYTES) process.exitCode = 1;
