import { resolverTypesConfig } from '@heli/subgraph-runtime/codegen';

/**
 * What each type's field resolvers receive as parent; `src/mapped-types.test.ts` checks the
 * fields left to the default resolver.
 */
export const mappers = {
  Office: '../offices/office-reference.js#OfficeReference',
  OfficialDocument: '../documents/document.model.js#OfficialDocumentRecord',
  DocumentRecipient: '../documents/document-recipient.js#DocumentRecipientView',
  LiaisonLink: '../links/links.config.js#Link',
  LiaisonSelf: '../links/liaison-self.js#LiaisonSelfView',
  OfficeAssignment: '../matters/office-assignment.model.js#OfficeAssignmentRecord',
  MatterUpdate: '../matters/office-assignment.model.js#MatterUpdate as MatterUpdateData',
  Assignment: '../offices/office-reference.js#AssignmentReference',
  PublishedOfficeView: '../published/published-view.resolvers.js#PublishedOfficeViewData',
  PublishedMatter: '../published/published-view.js#PublishedMatter as PublishedMatterData',
  PublishedReport: '../published/published-view.js#PublishedReport as PublishedReportData',
  RefusedLiaisonMessage: '../transport/incoming-message.model.js#RefusedMessageRecord',
};

// Annotated so the declaration names the type through the runtime, not through graphql-codegen's
// own packages, which this service does not depend on (TS2742).
const config: ReturnType<typeof resolverTypesConfig> = resolverTypesConfig({
  contextType: 'LiaisonContext',
  mappers,
});

export default config;
