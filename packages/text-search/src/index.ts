export { segment } from './segmenter.js';
export {
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  MAX_RANKED,
  decodeRankCursor,
  encodeRankCursor,
  fieldScore,
  queryTermsOf,
  rankByFields,
  searchTermsOf,
  type QueryTerms,
  type WeightedField,
} from './field-search.js';
export {
  DEFAULT_SEARCH_PAGE_SIZE,
  MAX_SEARCH_PAGE_SIZE,
  pageOfRanked,
  rankedPage,
  readSearchRequest,
  type RankedPage,
  type RankedPageInfo,
  type SearchProblem,
  type SearchRequest,
} from './ranked-page.js';
export { snippetAround } from './snippet.js';
