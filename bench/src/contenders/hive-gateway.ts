import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';

// Hive Gateway with its defaults, as its documentation runs it on Node's HTTP server, forwarding
// the caller's authorization header. PORT and SUPERGRAPH_PATH from the bench.

const gateway = createGatewayRuntime({
  supergraph: process.env.SUPERGRAPH_PATH!,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get('authorization') ?? '',
    }),
  },
});
const server = createServer(gateway);
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.stdout.write(`listening http://127.0.0.1:${process.env.PORT}/graphql\n`);
});
