/**
 * The console's first script: small, so it runs early. When the page asks for the 工作台 and
 * someone is signed in, it sends the 工作台's query and fetches the page's code now, in parallel
 * with the rest of the console's code, instead of after it has loaded and rendered (the
 * waterfall the first-paint bench showed). Then it loads and renders the console.
 */
import { startFirstQuery } from './api/first-query';
import { loadSession } from './auth/session';
import { WorkbenchDocument } from './generated/graphql';

const session = loadSession();
if (session && location.pathname === '/') {
  startFirstQuery(WorkbenchDocument, session.token);
  void import('./pages/workbench/WorkbenchPage');
}

void import('./app/ConsoleApp').then(({ renderConsole }) =>
  renderConsole(document.getElementById('root')!),
);
