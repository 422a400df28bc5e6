import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { bundleDeployable, type BundleOptions } from './bundle-deployable.js';

/** Beside the bundle: what it was built from, so an unchanged deployable is not built again. */
const INPUTS_FILE = 'build-inputs.json';

interface BuildInputs {
  options: string;
  files: Record<string, string>;
}

function lockfileOf(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, 'pnpm-lock.yaml'))) return join(at, 'pnpm-lock.yaml');
    if (dirname(at) === at) return undefined;
  }
}

const digest = (file: string) => {
  try {
    return createHash('sha1').update(readFileSync(file)).digest('hex');
  } catch {
    return 'missing';
  }
};

/**
 * Builds the deployable unless its `dist/` was built from exactly the files there now (every
 * source the last build read, and the lockfile, which decides the paths of external packages).
 * For `pnpm start`: a second start costs reading the sources, not a build. Resolves with whether
 * it built.
 */
export async function bundleWhenChanged(options: BundleOptions): Promise<boolean> {
  const record = join(options.packageDir, 'dist', INPUTS_FILE);
  const optionsKey = JSON.stringify({
    ...options,
    lockfile: digest(lockfileOf(options.packageDir) ?? ''),
  });
  if (existsSync(record)) {
    const previous = JSON.parse(readFileSync(record, 'utf8')) as BuildInputs;
    const unchanged =
      previous.options === optionsKey &&
      Object.entries(previous.files).every(
        ([file, hash]) => digest(join(options.packageDir, file)) === hash,
      );
    if (unchanged) return false;
  }
  const { metafile } = await bundleDeployable(options);
  const files = Object.fromEntries(
    Object.keys(metafile.inputs).map((file) => [file, digest(join(options.packageDir, file))]),
  );
  writeFileSync(record, JSON.stringify({ options: optionsKey, files } satisfies BuildInputs));
  return true;
}
