/**
 * The conformance suite's only configuration: MONGODB_URI points it at a real MongoDB
 * replica set instead of the embedded server. INIT_CWD is set by pnpm to the folder it was
 * started in (scripts run in the package folder), so paths given on the command line resolve
 * from where the caller typed them.
 */
export const testEnv = {
  MONGODB_URI: process.env.MONGODB_URI || undefined,
  INIT_CWD: process.env.INIT_CWD || undefined,
} as const;
