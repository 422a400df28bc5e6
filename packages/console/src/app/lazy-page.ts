import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PageChunk, PageModule } from './page-chunk';

/**
 * A route's page from its chunk. When the chunk is already here (main.tsx fetched it while the
 * console loaded), the page renders in the route's first render instead of suspending: `lazy`
 * takes an answer that settles at once synchronously. That matters more than it looks: a route
 * that suspends commits its fallback, and React then holds the page back until 300 ms after that
 * fallback showed (its Suspense throttling) — on the 工作台 a spinner frame plus up to 300 ms
 * between the answer's arrival and the page's first paint.
 */
export function lazyPage(chunk: PageChunk): LazyExoticComponent<ComponentType> {
  return lazy(() => {
    const module = chunk.loaded();
    if (!module) return chunk.preload();
    const settled = { then: (resolve: (value: PageModule) => void) => resolve(module) };
    return settled as PromiseLike<PageModule> as Promise<PageModule>;
  });
}
