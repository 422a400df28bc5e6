import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { formatLogLine } from './log-line.js';

export type ManagedChild = {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  stop(timeoutMs?: number): Promise<void>;
};

/**
 * Starts one part of the stack as a child process. Its full log goes to `<logDir>/<name>.log`;
 * the terminal gets a readable one-line version of each entry, so a person can follow what
 * happens without reading JSON.
 */
export function startChild(opts: {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  logDir: string;
  echo: (line: string) => void;
  /** Log entries below this pino level go to the file only. */
  minLevel?: number;
}): ManagedChild {
  mkdirSync(opts.logDir, { recursive: true });
  const file = createWriteStream(join(opts.logDir, `${opts.name}.log`), { flags: 'a' });
  const child = spawn(opts.command, opts.args, {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      file.write(line + '\n');
      const shown = formatLogLine(opts.name, line, opts.minLevel);
      if (shown) opts.echo(shown);
    });
  }
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      file.end();
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return {
    name: opts.name,
    process: child,
    exited,
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
