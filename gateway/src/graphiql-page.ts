import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RouteHandler } from '@heli/service-kit';

/** Where the IDE's own files are served; the gateway serves them itself so the IDE works offline. */
export const IDE_ASSET_PREFIX = '/ide/';

const require = createRequire(import.meta.url);

// Starts GraphiQL. A separate file rather than an inline script, so the page works under a
// Content-Security-Policy without 'unsafe-inline' scripts.
const START_SCRIPT = `(function () {
  var page = document.getElementById('graphiql');
  var fetcher = GraphiQL.createFetcher({ url: page.dataset.endpoint });
  var root = ReactDOM.createRoot(page);
  var devToken = page.dataset.devToken;
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultHeaders: JSON.stringify({ authorization: 'Bearer ' + (devToken || '<paste a token from: pnpm token <user>>') }, null, 2),
    shouldPersistHeaders: true,
    defaultEditorToolsVisibility: 'headers',
    defaultQuery: devToken
      ? '# Heli (合力) — signed in as the office director (development); another user: pnpm token --list.\\n{\\n  me {\\n    name\\n  }\\n}\\n'
      : '# Heli (合力) — paste your token into the Headers tab below, then explore the schema.\\n{\\n  __typename\\n}\\n'
  }));
})();
`;

const JAVASCRIPT = 'text/javascript; charset=utf-8';

interface IdeAsset {
  contentType: string;
  read(): Buffer;
}

/** The files under /ide/. react and react-dom do not export their UMD bundles, so those are found next to package.json. */
const IDE_ASSETS: Record<string, IdeAsset> = {
  'react.production.min.js': {
    contentType: JAVASCRIPT,
    read: () =>
      readFileSync(
        join(dirname(require.resolve('react/package.json')), 'umd/react.production.min.js'),
      ),
  },
  'react-dom.production.min.js': {
    contentType: JAVASCRIPT,
    read: () =>
      readFileSync(
        join(dirname(require.resolve('react-dom/package.json')), 'umd/react-dom.production.min.js'),
      ),
  },
  'graphiql.min.js': {
    contentType: JAVASCRIPT,
    read: () => readFileSync(require.resolve('graphiql/graphiql.min.js')),
  },
  'graphiql.min.css': {
    contentType: 'text/css; charset=utf-8',
    read: () => readFileSync(require.resolve('graphiql/graphiql.min.css')),
  },
  'start.js': { contentType: JAVASCRIPT, read: () => Buffer.from(START_SCRIPT) },
};

/**
 * The IDE page: GraphiQL loaded only from the gateway's own /ide/ assets. With `devToken`
 * (development sign-in only) its headers start with that token, so the first request is answered.
 */
export function renderIdePage(graphqlPath: string, devToken?: string): string {
  const asset = (name: string) => `${IDE_ASSET_PREFIX}${name}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Heli GraphQL</title>
  <link rel="stylesheet" href="${asset('graphiql.min.css')}" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql" data-endpoint="${escapeAttribute(graphqlPath)}"${devToken ? ` data-dev-token="${escapeAttribute(devToken)}"` : ''}>Loading the GraphQL IDE…</div>
  <script src="${asset('react.production.min.js')}"></script>
  <script src="${asset('react-dom.production.min.js')}"></script>
  <script src="${asset('graphiql.min.js')}"></script>
  <script src="${asset('start.js')}"></script>
</body>
</html>
`;
}

/** A browser navigating to the endpoint (rather than a GraphQL client) gets the IDE. */
export function wantsIdePage(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
}

export function serveIdePage(res: ServerResponse, graphqlPath: string, devToken?: string): void {
  const page = renderIdePage(graphqlPath, devToken);
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(page),
    'cache-control': 'no-cache',
  });
  res.end(page);
}

interface LoadedAsset {
  contentType: string;
  plain: Buffer;
  gzipped: Buffer;
}

/**
 * Routes for the IDE's scripts and stylesheet (for `createHttpServer`'s `routes`). Files are read
 * and compressed on first request and kept in memory; GraphiQL alone is 3.5 MB, 1 MB gzipped.
 */
export function ideAssetRoutes(): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {};
  for (const [name, source] of Object.entries(IDE_ASSETS)) {
    let loaded: LoadedAsset | undefined;
    routes[`${IDE_ASSET_PREFIX}${name}`] = (req, res) => {
      if (!loaded) {
        const plain = source.read();
        loaded = { contentType: source.contentType, plain, gzipped: gzipSync(plain) };
      }
      const asset = loaded;
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const body = gzip ? asset.gzipped : asset.plain;
      res.writeHead(200, {
        'content-type': asset.contentType,
        'content-length': body.length,
        'cache-control': 'public, max-age=3600',
        vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
  }
  return routes;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
