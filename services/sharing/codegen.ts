import { resolverTypesConfig } from '@heli/subgraph-runtime/codegen';

/**
 * What each type's field resolvers really receive as parent: the lean record (or the view the
 * code builds), so a resolver reading `_id` or `sourceDivisionId` is checked against the model,
 * and `src/mapped-types.test.ts` checks the fields left to the default resolver. Responsibility's
 * entities are only ever an id here. Aliased where a model's name is also a GraphQL type's name.
 */
export const mappers = {
  Staff: '../organisation/entity-ref.js#EntityRef',
  Division: '../organisation/entity-ref.js#EntityRef',
  Office: '../organisation/entity-ref.js#EntityRef',
  Document: '../documents/documents.model.js#DocumentRecord',
  Distribution: '../distribution/distribution.model.js#DistributionRecord',
  ReadingRequest: '../distribution/distribution.model.js#ReadingRequestRecord',
  ReadingReceipt: '../distribution/distribution.rules.js#ReaderLine',
  Circulation: '../circulation/circulation.model.js#CirculationRecord',
  CirculationHop: '../circulation/circulation.rules.js#CirculationHop as CirculationHopState',
  Instruction: '../instructions/instructions.model.js#InstructionRecord',
  CatalogEntry: '../catalog/catalog.model.js#CatalogEntryRecord',
  CatalogCitation: '../catalog/catalog.commands.js#CatalogCitationView',
  CatalogSearchResult: '../catalog/catalog-search.js#CatalogSearchPage',
  CatalogSearchHit: '../catalog/catalog-search.js#CatalogSearchHit as CatalogSearchHitView',
  InfoSubmission: '../info-collection/info-collection.model.js#InfoSubmissionRecord',
  InfoDigest: '../info-collection/info-collection.model.js#InfoDigestRecord',
  InfoDigestSchedule: '../info-collection/info-collection.model.js#DigestScheduleRecord',
  FeaturedIssue: '../featured/featured.model.js#FeaturedIssueRecord',
  FeaturedItem: '../featured/featured.model.js#FeaturedItemRef',
  DocumentSearchResult: '../documents/document-search.js#DocumentSearchPage',
  DocumentSearchHit: '../documents/document-search.js#DocumentSearchHit as DocumentSearchHitView',
  Work: '../work/work.rules.js#WorkRef',
  WorkReading: '../work/work.rules.js#WorkReadingItem',
  WorkCirculation: '../work/work.rules.js#WorkCirculationItem',
  Statistics: '../statistics/statistics.resolvers.js#StatisticsRef',
  ReadingRate: '../statistics/reading-statistics.rules.js#ReadingRate as ReadingRateData',
  IncomingRegistration:
    '../incoming-documents/incoming-registration.model.js#IncomingRegistrationRecord',
  DocumentViewRecord: '../audit/audit.model.js#DocumentViewRecord as DocumentViewRecordModel',
};

// Annotated so the declaration names the type through the runtime rather than a path into
// graphql-codegen's own packages, which this service does not depend on (TS2742).
const config: ReturnType<typeof resolverTypesConfig> = resolverTypesConfig({
  contextType: 'SharingContext',
  mappers,
});

export default config;
