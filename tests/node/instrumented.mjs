// A foldmark instance whose wasm memory the tests can watch: the memory is caught through
// Emscripten's instantiateWasm hook (each new instance), so no public API is needed for it.
import { readFile } from 'node:fs/promises';
import { createFoldmark } from '../../web/node.js';

export async function instrumentedFoldmark() {
  const bytes = await readFile(new URL('../../dist/foldmark-core.wasm', import.meta.url));
  let memory = null;
  const fm = await createFoldmark({
    wasmBinary: bytes,
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(bytes, imports).then(({ instance, module }) => {
        memory = Object.values(instance.exports).find((v) => v instanceof WebAssembly.Memory);
        receive(instance, module);
      });
      return {};
    },
  });
  return { fm, memorySize: () => memory.buffer.byteLength };
}
