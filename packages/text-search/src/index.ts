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
export { snippetAround } from './snippet.js';
