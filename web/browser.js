// Browser (and bundler) entry of the foldmark package. The .wasm is named with
// `new URL('…', import.meta.url)` so Vite, webpack 5, Rollup (with an import-meta-assets plugin)
// and Parcel copy it and rewrite the URL; { wasmUrl }, { wasmBinary } or { locateFile } serve
// the rest (esbuild). A .wasm that cannot be fetched or compiled is a FoldmarkError E_WASM.
import createFoldmarkCore from '../dist/foldmark-core.mjs';
import { FoldmarkError, wrapCore } from './foldmark.js';
import {
  RECIPE,
  bytesOf,
  checkCreateOptions,
  compileError,
  instantiateBytes,
  instantiateCore,
  locating,
} from './load.js';

export { FoldmarkError };

const defaultWasmUrl = () => new URL('../dist/foldmark-core.wasm', import.meta.url);

async function fetchAndInstantiate(url, imports) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (err) {
    throw new FoldmarkError('E_WASM', `cannot fetch the foldmark wasm from ${url} (${err && err.message}); ${RECIPE}`);
  }
  if (!response.ok) {
    throw new FoldmarkError(
      'E_WASM',
      `cannot fetch the foldmark wasm from ${url} (HTTP ${response.status}); ${RECIPE}`,
    );
  }
  const from = `the file at ${url}`;
  const type = response.headers.get('content-type') || '';
  if (type.startsWith('application/wasm') && typeof WebAssembly.instantiateStreaming === 'function') {
    try {
      return await WebAssembly.instantiateStreaming(response, imports);
    } catch (err) {
      throw compileError(err, from);
    }
  }
  // A dev server's fallback page (HTML, status 200) in place of a missing file lands here.
  return instantiateBytes(new Uint8Array(await response.arrayBuffer()), imports, from, RECIPE);
}

export async function createFoldmark(options) {
  const settled = checkCreateOptions(options);
  // A caller's own instantiateWasm hook (Emscripten's) gets the glue's usual behaviour.
  if (settled.instantiateWasm) {
    const start = () => instantiateCore(createFoldmarkCore, settled);
    return wrapCore(await start(), { renew: start });
  }
  const { wasmUrl, wasmBinary, ...rest } = settled;
  const { glueOptions, located } = locating(rest);
  const source = wasmBinary
    ? (imports) => instantiateBytes(bytesOf(wasmBinary), imports, 'wasmBinary')
    : (imports) => fetchAndInstantiate(String(wasmUrl ?? located() ?? defaultWasmUrl()), imports);
  const start = () => instantiateCore(createFoldmarkCore, glueOptions, source);
  return wrapCore(await start(), { renew: start });
}
