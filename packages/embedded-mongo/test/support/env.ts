/**
 * The conformance suite's only configuration: MONGODB_URI points it at a real MongoDB
 * replica set instead of the embedded server.
 */
export const testEnv = {
  MONGODB_URI: process.env.MONGODB_URI || undefined,
} as const;
