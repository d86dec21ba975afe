// The page features around the shown article. Each is { wire?(), onArticle?(detail) }: wire runs
// once when the catalog is there, onArticle after every show through ARTICLE_EVENT, detail
// { target ({ n } | { local }), heading, fresh (a new article was mounted), toc (the core's, or
// null before the renderer has run), article (an article is shown, not an error) }. An article
// shown before the features were wired (a prerendered page) is handed to them when they are,
// with replay: true. One feature's failure is said in the status line; the others still run.
import { EVENTS } from '../shared/paths.js';
import { messageOf, say } from './dom.js';

export const ARTICLE_EVENT = EVENTS.article;

let lastFresh = null;

/** Tells the features about a show (docview.js). */
export function announceArticle(detail) {
  if (detail.fresh) lastFresh = detail;
  document.dispatchEvent(new CustomEvent(ARTICLE_EVENT, { detail }));
}

function run(feature, detail) {
  try {
    feature.onArticle(detail);
  } catch (err) {
    say(`The article's surroundings could not be shown: ${messageOf(err)}`);
  }
}

/** Wires each feature once and subscribes its onArticle. */
export function wireFeatures(features) {
  for (const feature of features) {
    feature.wire?.();
    if (!feature.onArticle) continue;
    document.addEventListener(ARTICLE_EVENT, (event) => run(feature, event.detail));
    if (lastFresh) run(feature, { ...lastFresh, replay: true });
  }
}
