// The search settings shared by the builder (which indexes) and the page (which loads the index
// and queries it): fields, ids and term handling must be the same on both sides.
export const INDEX_OPTIONS = {
  fields: ['title', 'heading', 'text'],
  storeFields: [],
  idField: 'i',
};

// Query-time ranking: a heading or title hit counts more than a hit in the text; the last word
// is a prefix (the reader is still typing it); longer words forgive one typo in five letters.
export const QUERY_OPTIONS = {
  boost: { heading: 2.5, title: 1.5, text: 1 },
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  weights: { fuzzy: 0.3, prefix: 0.6 },
  combineWith: 'OR',
};
