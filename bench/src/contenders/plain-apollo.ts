import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

// The baseline: @apollo/gateway on @apollo/server's standalone server as their documentation sets
// them up, forwarding the caller's authorization header. PORT and SUPERGRAPH_PATH from the bench.

process.env.APOLLO_TELEMETRY_DISABLED = 'true';

interface Context {
  authorization?: string;
}

class ForwardAuthorization extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<Context>['willSendRequest'] & {}>[0]) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }
}

const server = new ApolloServer<Context>({
  gateway: new ApolloGateway({
    supergraphSdl: readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8'),
    buildService: ({ url }) => new ForwardAuthorization({ url }),
  }),
});
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT), host: '127.0.0.1' },
  context: async ({ req }) => ({ authorization: req.headers.authorization }),
});
process.stdout.write(`listening ${url}\n`);
