// Browser (and bundler) entry of the foldmark package: the glue fetches foldmark-core.wasm next
// to itself, or takes { wasmBinary } / { locateFile } for unusual hosting.
import createFoldmarkCore from '../dist/foldmark-core.mjs';
import { FoldmarkError, startFoldmark } from './foldmark.js';

export { FoldmarkError };

export function createFoldmark(options) {
  return startFoldmark(createFoldmarkCore, options);
}
