import { parseArgs } from 'node:util';
import { jsonLineLogger } from './logger.js';
import { start } from './server.js';

// The command-line server: `tsx src/cli.ts --port 27017 --data-dir .data/mongo --bind 127.0.0.1`.
const logger = jsonLineLogger();
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '27017' },
    'data-dir': { type: 'string' },
    bind: { type: 'string', default: '127.0.0.1' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  logger.error({ port: values.port }, '--port must be an integer between 0 and 65535');
  process.exit(1);
}

const server = await start({ port, host: values.bind, dataDir: values['data-dir'], logger });
logger.info({ uri: server.uri }, 'ready');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: String(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
