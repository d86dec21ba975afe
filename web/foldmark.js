// The foldmark JavaScript API over the wasm core: option checking, UTF-8 in and out through the
// module's one input and one output buffer, and FoldmarkError. The only file that knows the glue.
// Its imports are the generated contract (a module without imports) and the code-line wrapper
// (which imports only the contract), so esbuild bundles them into the site's classic script.
import { highlightLines } from './code-lines.js';
import { CONTRACT } from './contract.js';

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
    if (this !== FoldmarkError) return Function.prototype[Symbol.hasInstance].call(this, value); // subclasses
    return value !== null && value !== undefined && value[BRAND] === true;
  }
}
Object.defineProperty(FoldmarkError.prototype, BRAND, { value: true });

// The contract shared with the core (wasm/contract.json), generated into ./contract.js.
export { CONTRACT };
const DEFAULTS = CONTRACT.defaults;
const { flags: FLAGS, slots: SLOTS_BY_NAME, limits: LIMITS } = CONTRACT;
const COLLAPSE_MODES = CONTRACT.values.collapse;
const RAW_HTML_MODES = CONTRACT.values.allowRawHtml;
const COLLAPSE_BITS = Object.freeze(
  Object.fromEntries(COLLAPSE_MODES.map((name, i) => [name, i << FLAGS.collapseShift])),
);
const ID_PREFIX = /^[A-Za-z0-9_:.-]*$/;
// Checked here too, before the input is copied: wasm memory never shrinks, so copying an
// over-limit input only to refuse it would pin it for good.
const MAX_INPUT_BYTES = LIMITS.maxInputBytes;
// Strings longer than this are encoded to their exact UTF-8 size first instead of reserving the
// worst case of 3 bytes per UTF-16 unit in wasm memory.
const EXACT_ENCODE_UNITS = 4 * 1024 * 1024;

function tooLarge(bytes, atLeast = '') {
  return new FoldmarkError('E_LIMIT', `input is ${atLeast}${bytes} bytes; the maximum is ${MAX_INPUT_BYTES}`);
}

// Bound at load time, so a caller who later replaces Function.prototype.call, a getter or a
// method on a subclass cannot run code while the API reads its arguments.
const uncurry = Function.prototype.bind.bind(Function.prototype.call);
const { apply } = Reflect;
const { getOwnPropertyDescriptors, isFrozen } = Object;
const hasOwn = Object.hasOwn;
const TypedArray = Object.getPrototypeOf(Uint8Array.prototype);
const intrinsicGetter = (proto, name) => uncurry(Object.getOwnPropertyDescriptor(proto, name).get);
const typedArrayName = intrinsicGetter(TypedArray, Symbol.toStringTag); // undefined if not one
const viewBuffer = intrinsicGetter(TypedArray, 'buffer');
const viewByteLength = intrinsicGetter(TypedArray, 'byteLength');
const viewByteOffset = intrinsicGetter(TypedArray, 'byteOffset');
const typedArraySet = uncurry(TypedArray.set);
const arrayBufferByteLength = intrinsicGetter(ArrayBuffer.prototype, 'byteLength');
const isView = ArrayBuffer.isView;

// A snapshot of the options: each own enumerable property read exactly once (a getter runs once)
// into a plain object, which alone is then validated and used: reading them twice would let a
// getter or a Proxy pass validation and then switch allowRawHtml on. Inherited properties are
// ignored, so a polluted Object.prototype changes nothing.
// settled options of frozen objects whose properties are all data (values that can never change),
// such as a site's shared options constant: validated once, not on every call.
const settledFrozen = new WeakMap();

function snapshotOptions(options, facts) {
  let descriptors;
  try {
    if (Array.isArray(options)) throw new FoldmarkError('E_OPTION', 'options must be an object');
    descriptors = getOwnPropertyDescriptors(options);
  } catch (err) {
    if (err instanceof FoldmarkError) throw err;
    throw new FoldmarkError('E_OPTION', `options cannot be read: ${describe(err)}`);
  }
  const snapshot = {};
  for (const name of Object.keys(descriptors)) {
    // our own plain object: no caller code runs
    const d = descriptors[name];
    if (!hasOwn(d, 'value')) facts.allData = false;
    if (!d.enumerable) continue;
    if (!hasOwn(DEFAULTS, name)) {
      throw new FoldmarkError('E_OPTION', `unknown option "${name}"; known: ${Object.keys(DEFAULTS).join(', ')}`);
    }
    try {
      snapshot[name] = hasOwn(d, 'value') ? d.value : d.get === undefined ? undefined : apply(d.get, options, []);
    } catch (err) {
      throw new FoldmarkError('E_OPTION', `option "${name}" cannot be read: ${describe(err)}`);
    }
  }
  return snapshot;
}

function checkOptions(options) {
  if (options === undefined || options === null) return DEFAULTS;
  if (typeof options !== 'object') throw new FoldmarkError('E_OPTION', 'options must be an object');
  const known = settledFrozen.get(options);
  if (known) return known;
  const facts = { allData: true };
  const snapshot = snapshotOptions(options, facts);
  for (const name of Object.keys(snapshot)) {
    const value = snapshot[name];
    if (value === undefined || (name === 'highlight' && value === null)) continue;
    if (name === 'highlight' && typeof value !== 'function') {
      throw new FoldmarkError('E_OPTION', `option "highlight" must be a function, got ${typeof value}`);
    }
    if (name === 'allowRawHtml') {
      if (!isRawHtmlMode(value)) {
        throw new FoldmarkError(
          'E_OPTION',
          `option "allowRawHtml" must be false, 'safe' or true, got ${describeValue(value)}`,
        );
      }
      continue;
    }
    if (name !== 'highlight' && typeof value !== typeof DEFAULTS[name]) {
      throw new FoldmarkError('E_OPTION', `option "${name}" must be a ${typeof DEFAULTS[name]}, got ${typeof value}`);
    }
  }
  const merged = { ...DEFAULTS };
  for (const name of Object.keys(snapshot)) if (snapshot[name] !== undefined) merged[name] = snapshot[name];
  if (!hasOwn(COLLAPSE_BITS, merged.collapse)) {
    throw new FoldmarkError('E_OPTION', `option "collapse" must be ${oneOf(COLLAPSE_MODES)}`);
  }
  if (!ID_PREFIX.test(merged.idPrefix) || merged.idPrefix.length > LIMITS.maxIdPrefixChars) {
    throw new FoldmarkError(
      'E_OPTION',
      `option "idPrefix" may hold only letters, digits, "_", "-", ":", "." (at most ${LIMITS.maxIdPrefixChars})`,
    );
  }
  const settled = Object.freeze(merged);
  if (facts.allData && isFrozen(options)) settledFrozen.set(options, settled);
  return settled;
}

// 'a', 'b' or 'c'
function oneOf(values) {
  const quoted = values.map((v) => `'${v}'`);
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

// A plain loop: nothing a caller can patch on Array.prototype decides what is accepted.
function isRawHtmlMode(value) {
  for (let i = 0; i < RAW_HTML_MODES.length; i++) if (RAW_HTML_MODES[i] === value) return true;
  return false;
}

function describeValue(value) {
  return typeof value === 'string' ? `'${value.slice(0, 40)}'` : typeof value;
}

function describe(err) {
  return err && typeof err.message === 'string' ? err.message : String(err);
}

// The markdown as the core will read it: a string, or a plain Uint8Array over the caller's bytes
// made from the view's own buffer, offset and length (read through the intrinsic getters, so a
// subclass or an own property cannot lie about them and a Proxy is refused). Any Uint8Array is
// accepted, from any realm, over an ArrayBuffer or a SharedArrayBuffer; other typed arrays,
// DataViews, ArrayBuffers, detached buffers and everything else are E_INPUT.
function inputOf(markdown) {
  if (typeof markdown === 'string') return markdown;
  const kind = typedArrayName(markdown);
  if (kind !== 'Uint8Array') {
    const got = markdown === null ? 'null' : (kind ?? (isView(markdown) ? 'DataView' : typeof markdown));
    throw new FoldmarkError('E_INPUT', `markdown must be a string or a Uint8Array of UTF-8, got ${got}`);
  }
  const buffer = viewBuffer(markdown);
  const length = viewByteLength(markdown);
  if (length === 0 && isDetached(buffer)) {
    throw new FoldmarkError('E_INPUT', 'markdown is a Uint8Array over a detached ArrayBuffer');
  }
  return new Uint8Array(buffer, viewByteOffset(markdown), length);
}

// A view of a detached buffer reads as empty; only making a new view tells the two apart.
function isDetached(buffer) {
  try {
    new Uint8Array(buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

function flagsOf(o) {
  return (
    (o.allowRawHtml === true ? FLAGS.allowRawHtml : o.allowRawHtml === 'safe' ? FLAGS.rawHtmlSafe : 0) |
    (o.gfm ? FLAGS.gfm : 0) |
    (o.headingIds ? FLAGS.headingIds : 0) |
    (o.mdx ? FLAGS.mdx : 0) |
    (o.math ? FLAGS.math : 0) |
    COLLAPSE_BITS[o.collapse]
  );
}

// render() hands its HTML and JSON-LD over as separate strings so they are never JSON-escaped and
// parsed again; with a highlight hook the code blocks come in their own slot.
const SLOT_MAIN = SLOTS_BY_NAME.main;
const SLOT_HTML = SLOTS_BY_NAME.html;
const SLOT_JSON_LD = SLOTS_BY_NAME.jsonLd;
const SLOT_CODE = SLOTS_BY_NAME.code;
const SLOTS = Object.keys(SLOTS_BY_NAME).length;
// Buffers beyond this are handed back after the call that needed them.
const KEEP_BYTES = LIMITS.keepCapacityBytes;
// An instance whose memory grew past this is replaced by a fresh one (wrapCore, renewIfLarge).
const RENEW_BYTES = 256 * 1024 * 1024;

// The output budget of a call whose input was inputBytes long, as the core counts it (UTF-8 bytes).
function outputBudget(inputBytes) {
  return Math.min(LIMITS.maxOutputBytes, LIMITS.outputFactor * inputBytes + LIMITS.outputSlackBytes);
}

// A string's length in UTF-8 (a lone surrogate counted as 2 bytes, not U+FFFD's 3).
function utf8Bytes(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) n += c > 0x7ff && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

// The core wrote each code block's inner HTML between two NULs (NUL never occurs otherwise) and
// listed the blocks as [code, lang, meta, lines]: the hook's string replaces the escaped code.
// The hook's HTML counts against the call's output budget as the core's own does: many code
// blocks and a highlighter that multiplies them end in E_LIMIT, not in a string too long to make.
function spliceHighlighted(html, codeJson, highlight, budget) {
  const blocks = JSON.parse(codeJson);
  const parts = html.split('\0');
  if (parts.length !== 2 * blocks.length + 1) {
    throw new FoldmarkError('E_INTERNAL', 'code block placeholders do not match the code blocks');
  }
  let units = html.length;
  blocks.forEach(([code, lang, meta, lines], k) => {
    const out = highlight(code, lang, meta);
    if (typeof out !== 'string') return;
    parts[2 * k + 1] = lines.length > 0 ? highlightLines(out, lines) : out;
    units += parts[2 * k + 1].length;
  });
  // UTF-8 takes at most 3 bytes a UTF-16 unit: count exactly only when that bound is over.
  if (3 * units > budget && parts.reduce((n, part) => n + utf8Bytes(part), 0) > budget) {
    throw new FoldmarkError(
      'E_LIMIT',
      `output would exceed ${budget} bytes (the output budget for this input) with the highlight hook's HTML`,
    );
  }
  return parts.join('');
}

// Wraps an instantiated core module (from the ES or the classic glue) in the public API.
// host.decode(core, slot, output) may replace the UTF-8 decoding of an output slot (Node passes a
// faster one; output reads the call record); the default works in every browser.
// host.renew(), when given, resolves a fresh core of the same module (see renewIfLarge).
export function wrapCore(firstCore, host = {}) {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8');
  let core;
  // The core's call record: each slot's size and address, then the UTF-16 buffer's address, read
  // from memory rather than through one Embind call per field.
  let record = 0;
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

  // After a refused call (failed) every buffer the call grew goes back, whatever the sizes now
  // published: a refused 32 MiB article must not pin its input for the life of the page.
  function releaseLargeBuffers(failed = false) {
    let largest = failed ? Infinity : inputCapacity;
    for (let slot = 0; slot < SLOTS; slot += 1) largest = Math.max(largest, 2 * output.size(slot));
    if (largest <= KEEP_BYTES) return;
    core.release();
    inputCapacity = 0;
  }
  let idPrefix = ''; // the prefix the core holds
  let inputBytes = 0; // the last call's input, in UTF-8 bytes

  function bind(next) {
    core = next;
    record = core.recordAddress() >>> 2;
    inputAt = 0;
    inputCapacity = 0;
    idPrefix = '';
  }
  bind(firstCore);
  const [foldmarkVersion, md4cVersion] = core.version().split(' ');

  // Wasm memory never shrinks: one huge call (md4c alone takes 20 bytes for every '&' or '*' it
  // may pair: 1.8 GB of memory for a 32 MiB article of them) would leave the instance that large
  // for good. Past RENEW_BYTES, when the host can make a new core, a fresh instance is made in the
  // background and replaces this one between two calls; the old one is then garbage.
  let renewal = host.renew ? 'idle' : 'never';
  function renewIfLarge() {
    if (renewal !== 'idle' || core.HEAPU8.length <= RENEW_BYTES) return;
    renewal = 'pending';
    host.renew().then(
      (next) => {
        bind(next);
        renewal = 'idle';
      },
      () => {
        renewal = 'never'; // keep the working instance rather than retry on every call
      },
    );
  }

  // bytes is a plain Uint8Array from inputOf: its length is its own.
  function writeBytes(bytes) {
    if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(bytes.length);
    const ptr = inputArea(bytes.length);
    typedArraySet(core.HEAPU8, bytes, ptr);
    return bytes.length;
  }

  function writeInput(markdown) {
    if (typeof markdown !== 'string') return writeBytes(markdown);
    // Every UTF-16 unit is at least one UTF-8 byte.
    if (markdown.length > MAX_INPUT_BYTES) throw tooLarge(markdown.length, 'at least ');
    if (markdown.length > EXACT_ENCODE_UNITS) return writeBytes(encoder.encode(markdown));
    // UTF-8 takes at most 3 bytes per UTF-16 unit; lone surrogates become U+FFFD here.
    const max = markdown.length * 3;
    const ptr = inputArea(max);
    return encoder.encodeInto(markdown, core.HEAPU8.subarray(ptr, ptr + max)).written;
  }

  // Runs one core call with checked options o on input from inputOf; returns decode(slot) for
  // each requested slot, or throws FoldmarkError. No caller code runs from here to the return (the
  // options are a snapshot, the input is read through intrinsics), so a call from a getter can
  // never interleave with this one's use of the shared buffers.
  // written(address, size), when given, sees the input's bytes in wasm memory after a successful
  // call, before any buffer is released.
  function call(entry, input, o, slots, extraFlags = 0, written = null) {
    const stack = core.stackSave();
    let status;
    let texts;
    try {
      if (o.idPrefix !== idPrefix) {
        core.setIdPrefix(o.idPrefix);
        idPrefix = o.idPrefix;
      }
      const size = writeInput(input);
      inputBytes = size;
      // The encoder wrote a string's UTF-8 (lone surrogates as U+FFFD): well-formed, so the core
      // need not check it again. Bytes from the caller are checked and repaired there.
      const known = typeof input === 'string' ? FLAGS.validUtf8 : 0;
      status = entry(size, flagsOf(o) | extraFlags | known);
      texts = (status === 0 ? slots : [SLOT_MAIN]).map((slot) => decode(core, slot));
      if (status === 0 && written) written(inputAt, size);
      releaseLargeBuffers(status !== 0);
    } catch (err) {
      if (err instanceof FoldmarkError) throw err;
      // A trap leaves the stack pointer wherever it was: put it back so the next call works, and
      // hand back what the failed call held.
      core.stackRestore(stack);
      try {
        releaseLargeBuffers(true);
      } catch {
        // the core is past helping; the error below says why
      }
      renewIfLarge();
      throw new FoldmarkError('E_INTERNAL', `foldmark core failed: ${describe(err)}`);
    }
    renewIfLarge();
    if (status !== 0) throw new FoldmarkError(CONTRACT.errors[status] || 'E_INTERNAL', texts[0]);
    return texts;
  }

  // The JSON-LD repeats every answer's HTML, as long again as the article, and most callers never
  // read it: article.jsonLd renders it on first access (same input, same options, same result).
  function render(markdown, options) {
    const settled = checkOptions(options); // a snapshot: the caller may change options later
    const input = inputOf(markdown);
    // The JSON-LD is built later from the same input. A string cannot change; bytes are taken
    // from wasm memory, exactly as rendered, so the caller's buffer is read once, whatever the
    // caller (or another thread, for a SharedArrayBuffer) writes into it afterwards.
    let source = input;
    const keepBytes =
      typeof input === 'string'
        ? null
        : (at, size) => {
            source = core.HEAPU8.slice(at, at + size);
          };
    const hook = settled.highlight;
    const [fields, rawHtml, code] = hook
      ? call(core.render, input, settled, [SLOT_MAIN, SLOT_HTML, SLOT_CODE], FLAGS.codeSlots, keepBytes)
      : call(core.render, input, settled, [SLOT_MAIN, SLOT_HTML], 0, keepBytes);
    const html = hook ? spliceHighlighted(rawHtml, code, hook, outputBudget(inputBytes)) : rawHtml;
    const { meta, title, toc, questions, warnings } = JSON.parse(fields);
    const article = { meta, title, html, toc, questions, warnings };
    let jsonLd = questions.length === 0 ? '' : null;
    if (jsonLd !== null) source = null; // kept only while the JSON-LD may still be built
    return Object.defineProperty(article, 'jsonLd', {
      enumerable: true,
      get() {
        if (jsonLd === null) {
          jsonLd = call(core.render, source, settled, [SLOT_JSON_LD], FLAGS.jsonLd)[0];
          source = null;
        }
        return jsonLd;
      },
      set(value) {
        // still a plain, writable field to the caller
        jsonLd = value;
        source = null;
      },
    });
  }

  function toHtml(markdown, options) {
    const settled = checkOptions(options); // first: its getters may call this instance
    const input = inputOf(markdown);
    if (!settled.highlight) return call(core.toHtml, input, settled, [SLOT_MAIN])[0];
    const [html, code] = call(core.toHtml, input, settled, [SLOT_MAIN, SLOT_CODE], FLAGS.codeSlots);
    return spliceHighlighted(html, code, settled.highlight, outputBudget(inputBytes));
  }

  return Object.freeze({
    version: Object.freeze({ foldmark: foldmarkVersion, md4c: md4cVersion }),
    toHtml,
    render,
  });
}
