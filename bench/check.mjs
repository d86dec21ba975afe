// The correctness check run before anything is timed: empty or obviously wrong output fails the run.
import { MARKER_HEADING, MARKER_URL } from './corpus.mjs';

const markerHref = new RegExp(`href="${MARKER_URL.replace(/[.?/]/g, '\\$&')}"`);

// Throws unless lib's HTML for every text keeps at least half the input's length, the marker
// heading every corpus ends with, and its link as a real href.
export function checkOutput(name, corpusName, texts, lib) {
  texts.forEach((text, i) => {
    const out = lib.html(lib.run(text));
    const where = `${name} on ${corpusName}${texts.length > 1 ? ` #${i}` : ''}`;
    if (typeof out !== 'string') throw new Error(`${where}: output is not a string`);
    if (out.length < 0.5 * text.length)
      throw new Error(`${where}: output is ${out.length} chars for ${text.length} in`);
    if (!out.includes(MARKER_HEADING)) throw new Error(`${where}: output lacks the heading "${MARKER_HEADING}"`);
    if (!markerHref.test(out)) throw new Error(`${where}: output lacks the link to ${MARKER_URL}`);
  });
}
