export { start, type StartOptions, type RunningServer } from './server.js';
export type { Logger } from './logger.js';
export { Engine } from './storage/engine.js';
