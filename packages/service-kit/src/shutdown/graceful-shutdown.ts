import type { Logger } from '../logging/create-logger.js';

export interface ShutdownStep {
  /** Shown in the logs, e.g. "http", "nats", "mongodb". */
  name: string;
  run(): Promise<void>;
}

export interface GracefulShutdownOptions {
  logger: Logger;
  /** If the steps have not finished by then, the process exits 1 anyway. */
  timeoutMs: number;
  /** Run in order: typically stop HTTP (finishing in-flight requests), drain NATS, close MongoDB. */
  steps: readonly ShutdownStep[];
  signals?: readonly NodeJS.Signals[];
  /** How the process ends; tests pass a recorder instead of `process.exit`. */
  exit?: (code: number) => void;
}

export interface GracefulShutdown {
  /** Starts shutting down (as a signal would); every call returns the same run. */
  shutdown(reason: string): Promise<void>;
  /** Removes the signal handlers, e.g. when a test is done with the server. */
  uninstall(): void;
}

/**
 * On SIGTERM or SIGINT runs the shutdown steps one after the other and exits 0, or 1 if a step
 * failed or the whole took longer than `timeoutMs`. A second signal while shutting down does not
 * start a second run (Ctrl-C pressed twice, or an orchestrator repeating SIGTERM).
 */
export function installGracefulShutdown({
  logger,
  timeoutMs,
  steps,
  signals = ['SIGTERM', 'SIGINT'],
  exit = (code) => process.exit(code),
}: GracefulShutdownOptions): GracefulShutdown {
  let running: Promise<void> | undefined;

  async function runSteps(): Promise<number> {
    let failed = false;
    for (const step of steps) {
      logger.info({ step: step.name }, 'shutdown step started');
      try {
        await step.run();
        logger.info({ step: step.name }, 'shutdown step finished');
      } catch (error) {
        failed = true;
        logger.error({ err: error, step: step.name }, 'shutdown step failed');
      }
    }
    return failed ? 1 : 0;
  }

  function shutdown(reason: string): Promise<void> {
    if (running) {
      logger.info({ reason }, 'already shutting down');
      return running;
    }
    logger.info({ reason, timeoutMs }, 'shutting down');
    running = new Promise<void>((resolve) => {
      let finished = false;
      const finish = (code: number) => {
        if (finished) return;
        finished = true;
        clearTimeout(deadline);
        exit(code);
        resolve();
      };
      const deadline = setTimeout(() => {
        logger.error({ timeoutMs }, 'shutdown timed out');
        finish(1);
      }, timeoutMs);
      void runSteps().then((code) => {
        logger.info({ code }, 'shutdown complete');
        finish(code);
      });
    });
    return running;
  }

  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  for (const signal of signals) process.on(signal, onSignal);

  return {
    shutdown,
    uninstall: () => {
      for (const signal of signals) process.off(signal, onSignal);
    },
  };
}
