// The foldmark JavaScript API over the wasm core: option checking, UTF-8 in and out through the
// module's one input and one output buffer, and FoldmarkError. The only file that knows the glue.
// It has no imports so the site builder can also inline it as a classic script (file:// pages).

// The CommonJS entry (web/index.cjs) has a twin of this class; both carry this brand and test for
// it, so `err instanceof FoldmarkError` holds whichever entry the error and the class came from.
const BRAND = Symbol.for('foldmark.FoldmarkError');

export class FoldmarkError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'FoldmarkError';
    this.code = code;
  }

  static [Symbol.hasInstance](value) {
    if (this !== FoldmarkError) return Function.prototype[Symbol.hasInstance].call(this, value);  // subclasses
    return value !== null && value !== undefined && value[BRAND] === true;
  }
}
Object.defineProperty(FoldmarkError.prototype, BRAND, { value: true });

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
const FLAG_JSON_LD = 1 << 5;
const ERROR_CODES = ['', 'E_INPUT', 'E_LIMIT', 'E_INTERNAL'];
const ID_PREFIX = /^[A-Za-z0-9_:.-]*$/;
// Mirrors foldmark::kMaxInputBytes. Checked here too, before the input is copied: wasm memory
// never shrinks, so copying an over-limit input only to refuse it would pin it for good.
const MAX_INPUT_BYTES = 32 * 1024 * 1024;
// Strings longer than this are encoded to their exact UTF-8 size first instead of reserving the
// worst case of 3 bytes per UTF-16 unit in wasm memory.
const EXACT_ENCODE_UNITS = 4 * 1024 * 1024;

function tooLarge(bytes, atLeast = '') {
  return new FoldmarkError('E_LIMIT', `input is ${atLeast}${bytes} bytes; the maximum is ${MAX_INPUT_BYTES}`);
}

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

// Output slots of the core (wasm/bind/embind.cpp): render() hands its HTML and JSON-LD over as
// separate strings so they are never JSON-escaped and parsed again.
const SLOT_MAIN = 0;
const SLOT_HTML = 1;
const SLOT_JSON_LD = 2;
const SLOTS = 3;
// Mirrors kKeepCapacity: buffers beyond it are handed back after the call that needed them.
const KEEP_BYTES = 4 * 1024 * 1024;

// Wraps an instantiated core module (from the ES or the classic glue) in the public API.
// host.decode(core, slot, output) may replace the UTF-8 decoding of an output slot (Node passes a
// faster one; output reads the call record); the default works in every browser.
export function wrapCore(core, host = {}) {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8');
  // The core's call record: each slot's size and address, then the UTF-16 buffer's address, read
  // from memory rather than through one Embind call per field.
  const record = core.recordAddress() >>> 2;
  const output = Object.freeze({
    size: (slot) => core.HEAPU32[record + 2 * slot],
    data: (slot) => core.HEAPU32[record + 2 * slot + 1],
    utf16Data: () => core.HEAPU32[record + 2 * SLOTS],
  });
  const decodeUtf8 = (c, slot) => {
    const ptr = output.data(slot);
    return decoder.decode(c.HEAPU8.subarray(ptr, ptr + output.size(slot)));
  };
  const decode = host.decode ? (c, slot) => host.decode(c, slot, output) : decodeUtf8;

  // The input buffer is asked for only when a larger one is needed (or after release()).
  let inputAt = 0;
  let inputCapacity = 0;
  function inputArea(bytes) {
    if (bytes > inputCapacity) {
      inputAt = core.inputBuffer(bytes);
      inputCapacity = bytes;
    }
    return inputAt;
  }

  function releaseLargeBuffers() {
    let largest = inputCapacity;
    for (let slot = 0; slot < SLOTS; slot += 1) largest = Math.max(largest, 2 * output.size(slot));
    if (largest <= KEEP_BYTES) return;
    core.release();
    inputCapacity = 0;
  }
  const [foldmarkVersion, md4cVersion] = core.version().split(' ');
  let idPrefix = '';  // the prefix the core holds

  function writeBytes(bytes) {
    if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(bytes.length);
    const ptr = inputArea(bytes.length);
    core.HEAPU8.set(bytes, ptr);
    return bytes.length;
  }

  function writeInput(markdown) {
    if (typeof markdown === 'string') {
      // Every UTF-16 unit is at least one UTF-8 byte.
      if (markdown.length > MAX_INPUT_BYTES) throw tooLarge(markdown.length, 'at least ');
      if (markdown.length > EXACT_ENCODE_UNITS) return writeBytes(encoder.encode(markdown));
      // UTF-8 takes at most 3 bytes per UTF-16 unit; lone surrogates become U+FFFD here.
      const max = markdown.length * 3;
      const ptr = inputArea(max);
      return encoder.encodeInto(markdown, core.HEAPU8.subarray(ptr, ptr + max)).written;
    }
    if (markdown instanceof Uint8Array) return writeBytes(markdown);
    const got = markdown === null ? 'null' : typeof markdown;
    throw new FoldmarkError('E_INPUT', `markdown must be a string or a Uint8Array of UTF-8, got ${got}`);
  }

  // Runs one core call with checked options o; returns decode(slot) for each requested slot, or
  // throws FoldmarkError.
  function call(entry, markdown, o, slots, extraFlags = 0) {
    const stack = core.stackSave();
    let status;
    let texts;
    try {
      if (o.idPrefix !== idPrefix) {
        core.setIdPrefix(o.idPrefix);
        idPrefix = o.idPrefix;
      }
      status = entry(writeInput(markdown), flagsOf(o) | extraFlags);
      texts = (status === 0 ? slots : [SLOT_MAIN]).map((slot) => decode(core, slot));
      releaseLargeBuffers();
    } catch (err) {
      if (err instanceof FoldmarkError) throw err;
      // A trap leaves the stack pointer wherever it was: put it back so the next call works.
      core.stackRestore(stack);
      throw new FoldmarkError('E_INTERNAL', `foldmark core failed: ${err && err.message ? err.message : err}`);
    }
    if (status !== 0) throw new FoldmarkError(ERROR_CODES[status] || 'E_INTERNAL', texts[0]);
    return texts;
  }

  // The JSON-LD repeats every answer's HTML, as long again as the article, and most callers never
  // read it: article.jsonLd renders it on first access (same input, same options, same result).
  function render(markdown, options) {
    const settled = checkOptions(options);  // a snapshot: the caller may change options later
    const [fields, html] = call(core.render, markdown, settled, [SLOT_MAIN, SLOT_HTML]);
    const { meta, title, toc, questions, warnings } = JSON.parse(fields);
    const article = { meta, title, html, toc, questions, warnings };
    let jsonLd = questions.length === 0 ? '' : null;
    // Kept only while the JSON-LD may still be built. Bytes the caller could change later are
    // copied; a string cannot change.
    let source = jsonLd !== null ? null : markdown instanceof Uint8Array ? markdown.slice() : markdown;
    return Object.defineProperty(article, 'jsonLd', {
      enumerable: true,
      get() {
        if (jsonLd === null) {
          jsonLd = call(core.render, source, settled, [SLOT_JSON_LD], FLAG_JSON_LD)[0];
          source = null;
        }
        return jsonLd;
      },
      set(value) {  // still a plain, writable field to the caller
        jsonLd = value;
        source = null;
      },
    });
  }

  return Object.freeze({
    version: Object.freeze({ foldmark: foldmarkVersion, md4c: md4cVersion }),
    toHtml: (markdown, options) => call(core.toHtml, markdown, checkOptions(options), [SLOT_MAIN])[0],
    render,
  });
}
