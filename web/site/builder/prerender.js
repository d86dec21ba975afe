// The articles of --prerender, rendered in a worker thread (render-worker.js) a few batches ahead
// of the main thread, which writes the pages as they arrive, in doc order. At most WINDOW batches
// are in flight, so rendered HTML never piles up in memory however large the tree.
import { Worker } from 'node:worker_threads';
import { InputError } from './problems.js';

const BATCH = 32;
const WINDOW = 4;

// The worker's answer as the article pageWriter expects: html, and jsonLd (which may throw).
function articleOf(doc, answer) {
  if (answer.error)
    throw new InputError(`cannot render: ${[answer.error.code, answer.error.message].filter(Boolean).join(' ')}`, {
      file: doc.abs,
    });
  if (!answer.jsonLdError) return answer;
  const { code, message } = answer.jsonLdError;
  return {
    html: answer.html,
    get jsonLd() {
      throw Object.assign(new Error(message), { code });
    },
  };
}

/** Yields [doc, article] for every doc, in order. */
export async function* prerenderedArticles(docs, syntax) {
  const worker = new Worker(new URL('./render-worker.js', import.meta.url), { workerData: { syntax } });
  const pending = new Map(); // batch id → { resolve, reject }
  const failAll = (err) => {
    for (const { reject } of pending.values()) reject(err);
    pending.clear();
  };
  worker.on('message', ({ id, articles }) => {
    pending.get(id)?.resolve(articles);
    pending.delete(id);
  });
  worker.on('error', (err) => failAll(new InputError(`the prerender worker failed: ${err.message}`)));
  worker.on('exit', (code) => failAll(new InputError(`the prerender worker stopped (exit ${code})`)));
  const request = (start) => {
    const answer = new Promise((resolve, reject) => pending.set(start, { resolve, reject }));
    answer.catch(() => {}); // awaited in turn below; a build that stops first never asks
    worker.postMessage({ id: start, docs: docs.slice(start, start + BATCH).map((d) => [d.markdown, d.collapse]) });
    return answer;
  };
  const queue = [];
  let next = 0;
  const ask = () => {
    if (next >= docs.length) return;
    queue.push(request(next));
    next += BATCH;
  };
  try {
    while (queue.length < WINDOW && next < docs.length) ask();
    for (let start = 0; start < docs.length; start += BATCH) {
      const answers = await queue.shift();
      ask();
      for (let i = 0; i < answers.length; i += 1) yield [docs[start + i], articleOf(docs[start + i], answers[i])];
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
