export { resolverTypesConfig, type ResolverTypesOptions } from './resolver-types-config.js';
export { fieldsMissingFromMappedTypes } from './default-resolved-fields.js';
