import { pageChunk } from '../../app/page-chunk';

/** The 工作台's code: main.tsx starts loading it with the first query, the route renders it. */
export const workbenchChunk = pageChunk(() => import('./WorkbenchPage'));
