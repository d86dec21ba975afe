// The wasm renderer, started once per page load and never again: switching docs reuses it.
import { wrapCore } from '../../foldmark.js';
import { GLOBALS, PATHS } from '../shared/paths.js';
import { forDocs } from '../shared/doc-syntax.js';

let started = null;

// The wasm bytes from wasm.js (base64, since file:// pages cannot fetch them).
function wasmBytes(base64) {
  if (typeof base64 !== 'string') throw new Error(`${PATHS.wasm} did not load`);
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

async function start() {
  if (typeof self[GLOBALS.core] !== 'function') throw new Error(`${PATHS.core} did not load`);
  const wasmBinary = wasmBytes(self[GLOBALS.wasm]);
  self[GLOBALS.wasm] = undefined; // the base64 copy is not needed again: let it be collected
  return forDocs(wrapCore(await self[GLOBALS.core]({ wasmBinary })));
}

export function renderer() {
  if (!started) started = start();
  return started;
}

// wasm.js runs right after core.js and before catalog.js and the doc scripts: catching its
// assignment starts compiling the module then, in parallel with the rest of the page's start-up.
export function startWhenWasmArrives() {
  if (self[GLOBALS.wasm] !== undefined) return;
  Object.defineProperty(self, GLOBALS.wasm, {
    configurable: true,
    set(value) {
      Object.defineProperty(self, GLOBALS.wasm, { value, writable: true, configurable: true });
      renderer().catch(() => {}); // a failure is shown by the first doc that needs the renderer
    },
  });
}
