// Node entry of the foldmark package: reads the .wasm next to the glue (or the file/URL given as
// wasmUrl / by locateFile) and compiles it, since the web-only glue cannot fetch file: URLs in Node.
import { readFile } from 'node:fs/promises';
import createFoldmarkCore from '../dist/foldmark-core.mjs';
import { FoldmarkError, wrapCore } from './foldmark.js';
import { bytesOf, checkCreateOptions, instantiateBytes, instantiateCore, locating } from './load.js';

export { FoldmarkError };

const defaultWasmUrl = new URL('../dist/foldmark-core.wasm', import.meta.url);

// Node's UTF-8 decoder manages about 100 MB/s on non-ASCII text; the core's own UTF-16
// transcoding plus a UTF-16 (or, for ASCII, Latin-1) read is several times faster.
function decode(core, slot, output) {
  const units = core.outputToUtf16(slot); // may grow memory: read HEAPU8 only afterwards
  const heap = core.HEAPU8.buffer;
  if (units < 0) return Buffer.from(heap, output.data(slot), output.size(slot)).toString('latin1');
  return Buffer.from(heap, output.utf16Data(), units * 2).toString('utf16le');
}

// A path, a file: URL, or an http(s): URL (fetched).
async function readWasm(where) {
  const url =
    where instanceof URL ? where : URL.canParse(where) && /^[a-z][a-z0-9+.-]+:/i.test(where) ? new URL(where) : null;
  try {
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    }
    return new Uint8Array(await readFile(url ?? where));
  } catch (err) {
    throw new FoldmarkError(
      'E_WASM',
      `cannot read the foldmark wasm at ${where} (${err.code || err.message}); ` +
        'reinstall the package, or pass createFoldmark({ wasmUrl }) or { wasmBinary }',
    );
  }
}

export async function createFoldmark(options) {
  const settled = checkCreateOptions(options);
  // A caller's own instantiateWasm hook (Emscripten's) gets the glue's usual behaviour.
  if (settled.instantiateWasm) {
    const start = () => instantiateCore(createFoldmarkCore, settled);
    return wrapCore(await start(), { decode, renew: start });
  }
  const { wasmUrl, wasmBinary, ...rest } = settled;
  const { glueOptions, located } = locating(rest);
  const source = wasmBinary
    ? (imports) => instantiateBytes(bytesOf(wasmBinary), imports, 'wasmBinary')
    : async (imports) => {
        const where = wasmUrl ?? located() ?? defaultWasmUrl;
        return instantiateBytes(await readWasm(where), imports, String(where));
      };
  const start = () => instantiateCore(createFoldmarkCore, glueOptions, source);
  return wrapCore(await start(), { decode, renew: start });
}
