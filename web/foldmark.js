// The foldmark JavaScript API over the wasm core: option checking, UTF-8 in and out through the
// module's one input and one output buffer, and FoldmarkError. The only file that knows the glue.
// It has no imports so the site builder can also inline it as a classic script (file:// pages).

export class FoldmarkError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'FoldmarkError';
    this.code = code;
  }
}

const DEFAULTS = Object.freeze({
  allowRawHtml: false,
  gfm: true,
  headingIds: true,
  collapse: 'sections',
  idPrefix: '',
});

// Mirrors the flag bits in wasm/bind/embind.cpp.
const FLAG_RAW_HTML = 1;
const FLAG_GFM = 2;
const FLAG_HEADING_IDS = 4;
const COLLAPSE_BITS = Object.freeze({ sections: 0, questions: 1 << 3, none: 2 << 3 });
const ERROR_CODES = ['', 'E_INPUT', 'E_LIMIT', 'E_INTERNAL'];
const ID_PREFIX = /^[A-Za-z0-9_:.-]*$/;

function checkOptions(options) {
  if (options === undefined || options === null) return DEFAULTS;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new FoldmarkError('E_OPTION', 'options must be an object');
  }
  for (const name of Object.keys(options)) {
    if (!Object.hasOwn(DEFAULTS, name)) {
      throw new FoldmarkError('E_OPTION', `unknown option "${name}"; known: ${Object.keys(DEFAULTS).join(', ')}`);
    }
    const value = options[name];
    if (value === undefined) continue;
    if (typeof value !== typeof DEFAULTS[name]) {
      throw new FoldmarkError('E_OPTION', `option "${name}" must be a ${typeof DEFAULTS[name]}, got ${typeof value}`);
    }
  }
  const merged = { ...DEFAULTS };
  for (const [name, value] of Object.entries(options)) if (value !== undefined) merged[name] = value;
  if (!Object.hasOwn(COLLAPSE_BITS, merged.collapse)) {
    throw new FoldmarkError('E_OPTION', `option "collapse" must be 'sections', 'questions' or 'none'`);
  }
  if (!ID_PREFIX.test(merged.idPrefix) || merged.idPrefix.length > 64) {
    throw new FoldmarkError('E_OPTION', 'option "idPrefix" may hold only letters, digits, "_", "-", ":", "." (at most 64)');
  }
  return merged;
}

function flagsOf(o) {
  return (o.allowRawHtml ? FLAG_RAW_HTML : 0) | (o.gfm ? FLAG_GFM : 0) |
    (o.headingIds ? FLAG_HEADING_IDS : 0) | COLLAPSE_BITS[o.collapse];
}

// Wraps an instantiated core module (from the ES or the classic glue) in the public API.
export function wrapCore(core) {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8');
  const [foldmarkVersion, md4cVersion] = core.version().split(' ');

  function writeInput(markdown) {
    if (typeof markdown === 'string') {
      // UTF-8 takes at most 3 bytes per UTF-16 unit; lone surrogates become U+FFFD here.
      const ptr = core.inputBuffer(markdown.length * 3);
      const { written } = encoder.encodeInto(markdown, core.HEAPU8.subarray(ptr, ptr + markdown.length * 3));
      return written;
    }
    if (markdown instanceof Uint8Array) {
      const ptr = core.inputBuffer(markdown.length);
      core.HEAPU8.set(markdown, ptr);
      return markdown.length;
    }
    const got = markdown === null ? 'null' : typeof markdown;
    throw new FoldmarkError('E_INPUT', `markdown must be a string or a Uint8Array of UTF-8, got ${got}`);
  }

  function call(entry, markdown, options) {
    const o = checkOptions(options);
    const stack = core.stackSave();
    let status;
    let text;
    try {
      status = entry(writeInput(markdown), flagsOf(o), o.idPrefix);
      const ptr = core.outputData();
      text = decoder.decode(core.HEAPU8.subarray(ptr, ptr + core.outputSize()));
      core.release();
    } catch (err) {
      if (err instanceof FoldmarkError) throw err;
      // A trap leaves the stack pointer wherever it was: put it back so the next call works.
      core.stackRestore(stack);
      throw new FoldmarkError('E_INTERNAL', `foldmark core failed: ${err && err.message ? err.message : err}`);
    }
    if (status !== 0) throw new FoldmarkError(ERROR_CODES[status] || 'E_INTERNAL', text);
    return text;
  }

  return Object.freeze({
    version: Object.freeze({ foldmark: foldmarkVersion, md4c: md4cVersion }),
    toHtml: (markdown, options) => call(core.toHtml, markdown, options),
    render: (markdown, options) => JSON.parse(call(core.render, markdown, options)),
  });
}
