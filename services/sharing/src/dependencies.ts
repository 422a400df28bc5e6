import type { Clock } from './clock.js';

/** What the feature modules are built with, besides the per-request context. */
export interface SharingDependencies {
  clock: Clock;
}
