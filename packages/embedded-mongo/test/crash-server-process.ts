import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const READY_TIMEOUT_MS = 30_000;

export type ServerProcess = {
  uri: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** kill -9, then wait for the process to be gone. */
  crash(): Promise<void>;
  /** SIGTERM, then wait for a clean exit. */
  stop(): Promise<void>;
};

/**
 * Runs the embedded server's CLI as a child process on `dataDir`, as production would, and
 * waits until it answers a ping. The port is picked free here, so the helper does not depend
 * on how the CLI reports the port it listens on. `nodeArgs` go to node (e.g. --cpu-prof).
 */
export async function startServerProcess(
  dataDir: string,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const { child, port, output, exited } = await spawnCli(dataDir, nodeArgs);
  const uri = `mongodb://127.0.0.1:${port}/?directConnection=true`;
  await waitUntilAnswering(uri, child, output);
  return {
    uri,
    output,
    async crash() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs the CLI on `dataDir` expecting it to refuse to start; resolves with its exit code and output. */
export async function runServerExpectingFailure(
  dataDir: string,
): Promise<{ code: number | null; output: string }> {
  const { child, output, exited } = await spawnCli(dataDir);
  const timer = setTimeout(() => child.kill('SIGKILL'), READY_TIMEOUT_MS);
  const [code] = (await exited) as [number | null];
  clearTimeout(timer);
  return { code, output: output() };
}

async function spawnCli(dataDir: string, nodeArgs: string[] = []) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...nodeArgs, ...cliArguments(CLI, port, dataDir), '--bind', '127.0.0.1'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, port, output: () => output, exited: once(child, 'exit') };
}

/**
 * A TCP port free on loopback at the time of asking. The same as @heli/testkit's freePort, kept
 * here because testkit depends on this package (it starts the embedded server for tests).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/**
 * node's arguments that run the CLI at `cli` (this checkout's or another's, for the benchmarks)
 * on `port`, on `dataDir` or, without one, in memory.
 */
export function cliArguments(cli: string, port: number, dataDir?: string): string[] {
  const data = dataDir === undefined ? [] : ['--data-dir', dataDir];
  return ['--import', 'tsx', cli, '--port', String(port), ...data];
}

/**
 * Waits until the server at `uri` answers a ping; fails when `child` exits first or after
 * `timeoutMs`, with what the process wrote. `attemptTimeoutMs` bounds each try (a server under
 * valgrind needs longer per handshake).
 */
export async function waitUntilAnswering(
  uri: string,
  child: ChildProcess,
  output: () => string,
  { timeoutMs = READY_TIMEOUT_MS, attemptTimeoutMs = 500 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `server exited (${child.exitCode ?? child.signalCode}) before answering:\n${output()}`,
      );
    }
    const client = new MongoClient(uri, {
      serverSelectionTimeoutMS: attemptTimeoutMs,
      connectTimeoutMS: attemptTimeoutMs,
    });
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.close();
    }
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer within ${timeoutMs} ms:\n${output()}`);
}
