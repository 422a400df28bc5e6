import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** Starts the CLI and resolves with its JSON log lines up to the one carrying the uri. */
function startCli(args: string[]): Promise<Array<Record<string, unknown>>> {
  child = spawn(TSX, [CLI, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: Array<Record<string, unknown>> = [];
  return new Promise((resolve, reject) => {
    child!.once('exit', (code) => reject(new Error(`CLI exited with ${code}`)));
    createInterface({ input: child!.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      lines.push(entry);
      if (typeof entry.uri === 'string') resolve(lines);
    });
  });
}

describe('command-line server', () => {
  it('listens on the requested port and address, logs JSON lines, and serves the driver', async () => {
    const lines = await startCli(['--port', '0', '--bind', '127.0.0.1']);
    const ready = lines.at(-1)!;
    expect(ready).toMatchObject({ level: 'info', msg: 'ready' });
    expect(String(ready.uri)).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/\?directConnection=true$/);

    const client = await new MongoClient(String(ready.uri)).connect();
    expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    await client.close();

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses an invalid port with exit code 1', async () => {
    child = spawn(TSX, [CLI, '--port', 'abc'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const code = await new Promise<number | null>((resolve) => child!.once('exit', resolve));
    expect(code).toBe(1);
  });
});
