// Packs Unicode range sets and code point mappings into the byte tables wasm/core/unicode_tables.cpp
// decodes, and writes them as C++ arrays (used by scripts/gen-unicode-tables.mjs).
//
// A table is a byte stream of LEB128 numbers, each entry measured from where the one before it
// ended, and an index into it, one of two kinds:
//   blocks: every BLOCK-th entry's first code point (binary-searched; an indexed entry starts from
//     its own first code point, so its gap is 0 and a block decodes on its own) and byte offset;
//   windows: the byte offset of every window of 2^bits code points, whose entries start
//     from the window's first code point (entries crossing a window's end are cut in two).
// Windows find the few entries to decode with one load; their index gzips to little where the
// entries are few and long-lived, but the slugger's kept ranges (long CJK ranges, dense scripts)
// cost a third more that way, so those use blocks. Plain arrays of 32-bit fields (md4c's layout)
// gzip to about three times the size of either.
//   ranges: gap, hi - lo                                   (the range lo..hi)
//   runs:   gap, span * 3 + tail.length, zigzag(delta), tail...
//           span = steps * 2 + stride - 1: the code points lo, lo + stride, … lo + steps * stride
//           map to (cp + delta, ...tail)
export const BLOCK = 16;

// Sorted code points (or [lo, hi] ranges) → [{lo, hi}] with touching ranges merged.
export function toRanges(items) {
  const ranges = [];
  for (const item of items) {
    const [lo, hi] = Array.isArray(item) ? item : [item, item];
    const last = ranges[ranges.length - 1];
    if (last && lo <= last.hi + 1) last.hi = Math.max(last.hi, hi);
    else ranges.push({ lo, hi });
  }
  return ranges;
}

// Mappings [{cp, to: [code points]}] in code point order → runs sharing a delta, a tail and a
// stride (1 for blocks like A–Z, 2 for alternating upper/lower pairs).
export function toRuns(mappings) {
  const runs = [];
  for (const { cp, to } of mappings) {
    const delta = to[0] - cp;
    const tail = to.slice(1);
    const last = runs[runs.length - 1];
    if (last && last.delta === delta && last.tail.join() === tail.join()) {
      const step = cp - last.hi;
      if ((last.stride === 0 && (step === 1 || step === 2)) || step === last.stride) {
        last.stride = step;
        last.hi = cp;
        continue;
      }
    }
    runs.push({ lo: cp, hi: cp, delta, tail, stride: 0 });
  }
  return runs;
}

function pushNumber(bytes, v) {
  if (!Number.isInteger(v) || v < 0) throw new Error(`cannot pack ${v}`);
  for (; v >= 0x80; v = Math.floor(v / 0x80)) bytes.push(0x80 | (v & 0x7f));
  bytes.push(v);
}

function pack(entries, fields) {
  const bytes = [];
  const firsts = [];
  const offsets = [];
  let next = 0;
  entries.forEach((entry, i) => {
    if (i % BLOCK === 0) {
      firsts.push(entry.lo);
      offsets.push(bytes.length);
      next = entry.lo;
    }
    if (entry.lo < next) throw new Error(`entries overlap at 0x${entry.lo.toString(16)}`);
    for (const v of [entry.lo - next, ...fields(entry)]) pushNumber(bytes, v);
    next = entry.hi + 1;
  });
  if (bytes.length > 0xffff) throw new Error('packed table too large for 16-bit offsets');
  return { bytes, firsts, offsets };
}

function packWindows(entries, bits, fields) {
  const bytes = [];
  const offsets = [];
  let next = 0;
  for (const entry of entries) {
    const window = entry.lo >> bits;
    while (offsets.length <= window) {
      offsets.push(bytes.length);
      next = (offsets.length - 1) << bits;
    }
    if (entry.lo < next || entry.hi >> bits !== window) throw new Error('entries overlap or cross a window');
    for (const v of [entry.lo - next, ...fields(entry)]) pushNumber(bytes, v);
    next = entry.hi + 1;
  }
  offsets.push(bytes.length);
  if (bytes.length > 0xffff) throw new Error('packed table too large for 16-bit offsets');
  return { bytes, offsets, bits };
}

// Ranges and runs cut where they cross into the next window (a run keeps its stride's phase).
function cutRanges(ranges, bits) {
  const size = 1 << bits;
  return ranges.flatMap(({ lo, hi }) => {
    const parts = [];
    for (let start = lo; start <= hi; start = (Math.floor(start / size) + 1) * size)
      parts.push({ lo: start, hi: Math.min(hi, (Math.floor(start / size) + 1) * size - 1) });
    return parts;
  });
}
function cutRuns(runs, bits) {
  const size = 1 << bits;
  return runs.flatMap((run) => {
    const stride = run.stride || 1;
    const parts = [];
    for (let lo = run.lo; lo <= run.hi; ) {
      const last = Math.min(run.hi, (Math.floor(lo / size) + 1) * size - 1);
      const hi = lo + Math.floor((last - lo) / stride) * stride;
      parts.push({ ...run, lo, hi, stride: hi > lo ? stride : 0 });
      lo = hi + stride;
    }
    return parts;
  });
}

const rangeFields = (r) => [r.hi - r.lo];
const runFields = (r) => {
  const stride = r.stride || 1;
  const span = ((r.hi - r.lo) / stride) * 2 + stride - 1;
  if (r.tail.length > 2) throw new Error('a run maps to at most 3 code points');
  return [span * 3 + r.tail.length, r.delta < 0 ? -2 * r.delta - 1 : 2 * r.delta, ...r.tail];
};
export const packRangesInBlocks = (ranges) => pack(ranges, rangeFields);
export const packRangesInWindows = (ranges, bits) => packWindows(cutRanges(ranges, bits), bits, rangeFields);
export const packRunsInWindows = (runs, bits) => packWindows(cutRuns(runs, bits), bits, runFields);

const hex = (n) => '0x' + n.toString(16);
const rows = (items, perRow) => {
  const out = [];
  for (let i = 0; i < items.length; i += perRow) out.push('  ' + items.slice(i, i + perRow).join(', ') + ',');
  return out;
};

// C++ for one packed table: NAME (a PackedTable) over NAMEBytes, NAMEOffsets and, with blocks,
// NAMEFirsts.
export function cxxTable(name, { bytes, firsts, offsets, bits }) {
  const lines = [`const std::uint8_t ${name}Bytes[] = {`, ...rows(bytes.map(hex), 16), '};'];
  lines.push(`const std::uint16_t ${name}Offsets[] = {`, ...rows(offsets.map(String), 14), '};');
  if (firsts) {
    lines.push(`const std::uint32_t ${name}Firsts[] = {`, ...rows(firsts.map(hex), 10), '};');
    lines.push(
      `constexpr PackedTable ${name}{${name}Bytes, sizeof ${name}Bytes, ${name}Offsets, ${name}Firsts, ${firsts.length}, 0};`,
    );
  } else {
    lines.push(
      `constexpr PackedTable ${name}{${name}Bytes, sizeof ${name}Bytes, ${name}Offsets, nullptr, ${offsets.length - 1}, ${bits}};`,
    );
  }
  return lines;
}
