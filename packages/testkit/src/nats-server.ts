import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private nats-server child process with JetStream, for tests that stop and restart NATS. */
export type TestNatsServer = {
  url: string;
  port: number;
  /** Stops the server and deletes its JetStream store. */
  stop(): Promise<void>;
  /**
   * Starts the server again on the same port and store, so streams and consumers survive; stops it
   * first if it is running.
   */
  restart(): Promise<void>;
  /** Stops the server but keeps its store, for tests that need NATS to stay down for a while. */
  kill(): Promise<void>;
};

export type StartNatsServerOptions = {
  /** 0 or omitted: the server picks a free port, which restart() then keeps. */
  port?: number;
  /** Executable to run; found on PATH unless absolute. */
  binary?: string;
};

const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;
const LISTENING_LINE = /Listening for client connections on [^\s]+:(\d+)/;
const READY_LINE = /Server is ready/;

export async function startNatsServer(opts: StartNatsServerOptions = {}): Promise<TestNatsServer> {
  const binary = opts.binary ?? 'nats-server';
  const storeDir = await mkdtemp(join(tmpdir(), 'heli-nats-'));
  let child: ChildProcess;
  let port: number;
  try {
    ({ child, port } = await launch(binary, opts.port ?? 0, storeDir));
  } catch (error) {
    await rm(storeDir, { recursive: true, force: true });
    throw error;
  }

  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    async stop() {
      await terminate(child);
      await rm(storeDir, { recursive: true, force: true });
    },
    async restart() {
      await terminate(child);
      ({ child } = await launch(binary, port, storeDir));
    },
    async kill() {
      await terminate(child);
    },
  };
}

async function launch(
  binary: string,
  port: number,
  storeDir: string,
): Promise<{ child: ChildProcess; port: number }> {
  // -p -1 lets nats-server choose a free port itself, so there is no race between finding a port
  // and binding it; the chosen port is read back from its log.
  const args = ['-a', '127.0.0.1', '-p', port === 0 ? '-1' : String(port), '-js', '-sd', storeDir];
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });

  return new Promise((resolve, reject) => {
    let log = '';
    let listeningPort: number | undefined;
    const timer = setTimeout(() => {
      fail(new Error(`nats-server did not become ready within ${READY_TIMEOUT_MS} ms:\n${log}`));
    }, READY_TIMEOUT_MS);

    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }

    child.once('error', (error) => {
      fail(
        new Error(`could not run ${binary} (is nats-server installed and on PATH?)`, {
          cause: error,
        }),
      );
    });
    child.once('exit', (code, signal) => {
      fail(
        new Error(
          `nats-server exited before it was ready (code ${code}, signal ${signal}):\n${log}`,
        ),
      );
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      log = (log + chunk).slice(-64_000);
      const listening = LISTENING_LINE.exec(log);
      if (listening?.[1]) listeningPort = Number(listening[1]);
      if (listeningPort !== undefined && READY_LINE.test(log)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.removeAllListeners('error');
        // Keep draining stderr so a chatty server never blocks on a full pipe.
        child.stderr?.removeAllListeners('data');
        child.stderr?.resume();
        resolve({ child, port: listeningPort });
      }
    });
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
