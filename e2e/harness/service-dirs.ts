import { fileURLToPath } from 'node:url';

/** The folder of a service's .graphql files, which the stack composes as `pnpm compose` does. */
export const serviceSdlDir = (service: string): string =>
  fileURLToPath(new URL(`../../services/${service}/src/`, import.meta.url));
