import type { ComponentType } from 'react';

export interface PageModule {
  default: ComponentType;
}

export interface PageChunk {
  /** Starts loading the page's code, once; main.tsx calls it before the console itself has loaded. */
  preload(): Promise<PageModule>;
  /** The page's module once its code is here, else undefined. */
  loaded(): PageModule | undefined;
}

/**
 * A page's own chunk, loaded at most once, that can say synchronously whether it is here — so
 * `lazyPage` renders it in the route's first render when main.tsx has fetched it already. Free of
 * React (a type import only): main.tsx, the small first script, uses it.
 */
export function pageChunk(load: () => Promise<PageModule>): PageChunk {
  let module: PageModule | undefined;
  let loading: Promise<PageModule> | undefined;
  return {
    preload: () =>
      (loading ??= load().then(
        (loadedModule) => (module = loadedModule),
        (error: unknown) => {
          // A failed load (a network blip, a new deployment) is tried again by the next caller.
          loading = undefined;
          throw error;
        },
      )),
    loaded: () => module,
  };
}
