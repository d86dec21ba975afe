// Instantiates the wasm core for the two ES entries (browser.js, node.js): checks createFoldmark's
// options, then hands the glue a module it compiled itself through Emscripten's instantiateWasm
// hook, so a .wasm that cannot be fetched, read or compiled becomes a FoldmarkError saying what to
// do instead of an Emscripten abort.
import { FoldmarkError } from './foldmark.js';

export const WASM_NAME = 'foldmark-core.wasm';
export const RECIPE =
  'with a bundler that does not follow `new URL(…, import.meta.url)` (esbuild), ' +
  `copy foldmark/${WASM_NAME} to your output (esbuild: --loader:.wasm=file) and pass ` +
  'createFoldmark({ wasmUrl }), or pass its bytes as { wasmBinary } (README: "Using the npm package")';

// print/printErr/instantiateWasm are Emscripten's own hooks, passed through untouched.
const CHECKS = Object.freeze({
  wasmUrl: (v) => typeof v === 'string' || v instanceof URL,
  wasmBinary: (v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v),
  locateFile: (v) => typeof v === 'function',
  instantiateWasm: (v) => typeof v === 'function',
  print: (v) => typeof v === 'function',
  printErr: (v) => typeof v === 'function',
});
const EXPECTED = Object.freeze({
  wasmUrl: 'a string or URL',
  wasmBinary: 'an ArrayBuffer or Uint8Array',
  locateFile: 'a function',
  instantiateWasm: 'a function',
  print: 'a function',
  printErr: 'a function',
});

export function checkCreateOptions(options) {
  if (options === undefined || options === null) return {};
  let entries;
  try {
    // Array.isArray throws on a revoked Proxy: inside the try, so that is E_OPTION too.
    if (typeof options !== 'object' || Array.isArray(options)) {
      throw new FoldmarkError('E_OPTION', 'createFoldmark options must be an object');
    }
    entries = Object.entries(options); // each own property read once; a Proxy or getter that throws is E_OPTION
  } catch (err) {
    if (err instanceof FoldmarkError) throw err;
    throw new FoldmarkError(
      'E_OPTION',
      `createFoldmark options cannot be read: ${err && err.message ? err.message : err}`,
    );
  }
  const given = {};
  for (const [name, value] of entries) {
    if (!Object.hasOwn(CHECKS, name)) {
      throw new FoldmarkError(
        'E_OPTION',
        `unknown createFoldmark option "${name}"; known: ${Object.keys(CHECKS).join(', ')}`,
      );
    }
    if (value === undefined) continue;
    if (!CHECKS[name](value))
      throw new FoldmarkError('E_OPTION', `createFoldmark option "${name}" must be ${EXPECTED[name]}`);
    given[name] = value;
  }
  const sources = ['wasmUrl', 'wasmBinary', 'locateFile'].filter((name) => Object.hasOwn(given, name));
  if (sources.length > 1) {
    throw new FoldmarkError(
      'E_OPTION',
      `createFoldmark takes one of wasmUrl, wasmBinary, locateFile; got ${sources.join(' and ')}`,
    );
  }
  return given;
}

export function bytesOf(binary) {
  return binary instanceof ArrayBuffer
    ? new Uint8Array(binary)
    : new Uint8Array(binary.buffer, binary.byteOffset, binary.byteLength);
}

const MAGIC = [0x00, 0x61, 0x73, 0x6d]; // "\0asm"

// Compiles and instantiates bytes; `from` names where they came from and `hint` what to do, for
// the message.
export async function instantiateBytes(bytes, imports, from, hint = `pass the bytes of foldmark/${WASM_NAME}`) {
  if (!MAGIC.every((b, i) => bytes[i] === b)) {
    throw new FoldmarkError('E_WASM', `${from} is not a WebAssembly module (it does not start with \\0asm); ${hint}`);
  }
  try {
    return await WebAssembly.instantiate(bytes, imports);
  } catch (err) {
    throw compileError(err, from);
  }
}

export function compileError(err, from) {
  return new FoldmarkError(
    'E_WASM',
    `${from} could not be instantiated (${err && err.message}); it must be the ` +
      `${WASM_NAME} of the same foldmark version as the JavaScript, and a Content-Security-Policy must allow 'wasm-unsafe-eval'`,
  );
}

// Runs the glue factory. `source(imports)` resolves to { instance, module }; without it (the
// caller passed its own instantiateWasm) the glue loads the module as Emscripten does.
export function instantiateCore(createCore, glueOptions, source = undefined) {
  return new Promise((resolve, reject) => {
    const options = { ...glueOptions };
    const hook = glueOptions.instantiateWasm;
    if (hook && !source) {
      // The glue only logs a hook that throws, and then waits for ever: reject instead.
      options.instantiateWasm = (imports, receive) => {
        try {
          return hook(imports, receive);
        } catch (err) {
          reject(
            new FoldmarkError(
              'E_INTERNAL',
              `the instantiateWasm hook failed: ${err && err.message ? err.message : err}`,
            ),
          );
          return {};
        }
      };
    }
    if (source) {
      options.instantiateWasm = (imports, receive) => {
        // receive() throws when the module is some other wasm (its exports are not the core's).
        source(imports)
          .then(({ instance, module }) => receive(instance, module))
          .catch((err) => reject(err instanceof FoldmarkError ? err : compileError(err, 'the wasm module')));
        return {}; // asynchronous: the glue waits for receive()
      };
    }
    createCore(options).then(resolve, (err) =>
      reject(
        err instanceof FoldmarkError
          ? err
          : new FoldmarkError('E_INTERNAL', `foldmark core failed to start: ${err && err.message ? err.message : err}`),
      ),
    );
  });
}

// locateFile keeps its meaning: the glue calls it with the .wasm's name and its own directory
// while it starts, before it asks for the module; the URL it returns is then fetched here.
export function locating(options) {
  if (!options.locateFile) return { glueOptions: options, located: () => undefined };
  let url;
  const { locateFile } = options;
  return {
    glueOptions: { ...options, locateFile: (path, dir) => (url = locateFile(path, dir)) },
    located: () => url,
  };
}
