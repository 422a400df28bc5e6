import { resolverTypesConfig } from '@heli/subgraph-runtime/codegen';

export default resolverTypesConfig({
  contextType: 'AssessmentContext',
  mappers: {},
});
