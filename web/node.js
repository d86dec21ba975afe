// Node entry of the foldmark package: reads the .wasm next to the glue and passes its bytes,
// since the web-only glue cannot fetch file: URLs in Node.
import { readFile } from 'node:fs/promises';
import createFoldmarkCore from '../dist/foldmark-core.mjs';
import { FoldmarkError, startFoldmark } from './foldmark.js';

export { FoldmarkError };

const wasmUrl = new URL('../dist/foldmark-core.wasm', import.meta.url);

// Node's UTF-8 decoder manages about 100 MB/s on non-ASCII text; the core's own UTF-16
// transcoding plus a UTF-16 (or, for ASCII, Latin-1) read is several times faster.
function decode(core, slot, output) {
  const units = core.outputToUtf16(slot);  // may grow memory: read HEAPU8 only afterwards
  const heap = core.HEAPU8.buffer;
  if (units < 0) return Buffer.from(heap, output.data(slot), output.size(slot)).toString('latin1');
  return Buffer.from(heap, output.utf16Data(), units * 2).toString('utf16le');
}

export function createFoldmark(options) {
  return startFoldmark(createFoldmarkCore, options, { decode, readWasm: () => readFile(wasmUrl) });
}
