// --prerender renders every article a second time, with Prism colours and its FAQ JSON-LD: this
// worker thread does that while the main thread writes the pages. Messages: { id, docs:
// [[markdown, collapse], ...] } → { id, articles: [{ html, jsonLd } | { html, jsonLdError } | { error }] }
// in the same order (error: the core refused the doc).
import { parentPort, workerData } from 'node:worker_threads';
import { createFoldmark } from '../../node.js';
import { withHighlight } from './code.js';
import { forDocs } from '../shared/doc-syntax.js';

const fm = await withHighlight(forDocs(await createFoldmark(), workerData?.syntax));
const describe = (err) => ({ code: err.code, message: err.message });

function renderOne([markdown, collapse]) {
  let article;
  try {
    article = fm.render(markdown, { collapse });
  } catch (err) {
    return { error: describe(err) };
  }
  try {
    return { html: article.html, jsonLd: article.jsonLd };
  } catch (err) {
    return { html: article.html, jsonLdError: describe(err) };
  }
}

parentPort.on('message', ({ id, docs }) => {
  parentPort.postMessage({ id, articles: docs.map(renderOne) });
});
