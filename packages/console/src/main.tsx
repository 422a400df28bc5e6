/**
 * The console's first script: small, so it runs early. When the page asks for the 工作台 and
 * someone is signed in, it sends the 工作台's query and fetches the page's code now, in parallel
 * with the rest of the console's code, instead of after it has loaded and rendered (the
 * waterfall the first-paint bench showed). Then it loads and renders the console — with the
 * 工作台's code already here, so its route renders the page at once rather than a spinner first.
 */
import { startFirstQuery } from './api/first-query';
import { loadSession } from './auth/session';
import { WorkbenchDocument } from './generated/graphql';
import { workbenchChunk } from './pages/workbench/workbench-chunk';

const session = loadSession();
let firstPage: Promise<unknown> | undefined;
if (session && location.pathname === '/') {
  startFirstQuery(WorkbenchDocument, session.token);
  // A failed load is the route's to show (it loads the chunk again), not a reason not to render.
  firstPage = workbenchChunk.preload().catch(() => undefined);
}

void Promise.all([import('./app/ConsoleApp'), firstPage]).then(([{ renderConsole }]) =>
  renderConsole(document.getElementById('root')!),
);
