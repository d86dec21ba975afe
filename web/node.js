// Node entry of the foldmark package: reads the .wasm next to the glue and passes its bytes,
// since the web-only glue cannot fetch file: URLs in Node.
import { readFile } from 'node:fs/promises';
import createFoldmarkCore from '../dist/foldmark-core.mjs';
import { FoldmarkError, wrapCore } from './foldmark.js';

export { FoldmarkError };

const wasmUrl = new URL('../dist/foldmark-core.wasm', import.meta.url);

export async function createFoldmark(options = {}) {
  const wasmBinary = options.wasmBinary ?? (options.locateFile ? undefined : await readFile(wasmUrl));
  const core = await createFoldmarkCore({ ...options, ...(wasmBinary ? { wasmBinary } : {}) });
  return wrapCore(core);
}
