import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TestMongo } from './test-mongo.js';

/**
 * The embedded MongoDB in a process of its own, as `pnpm start` runs it — for benchmarks: in-process
 * it would share one event loop (one core) with the services and the bench measuring them.
 */
export async function startMongoProcess(): Promise<TestMongo & { pid: number }> {
  const cli = fileURLToPath(
    import.meta.resolve('@heli/embedded-mongo').replace(/index\.ts$/, 'cli.ts'),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const uri = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`embedded MongoDB exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const record = JSON.parse(line) as { msg?: string; uri?: string };
      if (record.msg === 'ready' && record.uri) resolve(record.uri);
    });
  });
  return {
    uri,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
