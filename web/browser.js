// Browser (and bundler) entry of the foldmark package: the glue fetches foldmark-core.wasm next
// to itself, or takes { wasmBinary } / { locateFile } for unusual hosting.
import createFoldmarkCore from '../dist/foldmark-core.mjs';
import { FoldmarkError, wrapCore } from './foldmark.js';

export { FoldmarkError };

export async function createFoldmark(options = {}) {
  return wrapCore(await createFoldmarkCore({ ...options }));
}
