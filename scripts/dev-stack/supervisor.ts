import type { ManagedChild } from './child-process.js';

export interface Supervisor {
  /** Watches a part: one that ends unexpectedly is reported loudly and takes everything down. */
  supervise(child: ManagedChild, logPath: string): ManagedChild;
  /** Stops a part on purpose (the gateway restarted to serve a fresh console build). */
  replace(child: ManagedChild): Promise<void>;
  shutdown(exitCode: number): Promise<void>;
  readonly stopping: boolean;
}

/**
 * The parts a start script runs, stopped in reverse order on Ctrl-C, SIGTERM or the first crash:
 * a half-running system hides bugs.
 */
export function createSupervisor(echo: (line: string) => void, label: string): Supervisor {
  const children: ManagedChild[] = [];
  const replaced = new WeakSet<ManagedChild>();
  let stopping = false;

  const shutdown = async (exitCode: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    echo(`[${label}] stopping…`);
    for (const child of [...children].reverse()) await child.stop();
    echo(`[${label}] stopped`);
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  return {
    supervise(child, logPath) {
      children.push(child);
      void child.exited.then((code) => {
        if (stopping || replaced.has(child)) return;
        echo(`\n[${label}] ${child.name} exited unexpectedly (${code}); its log is ${logPath}`);
        void shutdown(1);
      });
      return child;
    },
    async replace(child) {
      replaced.add(child);
      await child.stop();
    },
    shutdown,
    get stopping() {
      return stopping;
    },
  };
}
