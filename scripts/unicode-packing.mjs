// Packs Unicode range sets and code point mappings into the byte tables wasm/core/unicode_tables.cpp
// decodes, and writes them as C++ arrays (used by scripts/gen-unicode-tables.mjs).
//
// A table is a byte stream of LEB128 numbers, each entry measured from where the one before it
// ended, and an index of every BLOCK-th entry (its first code point, and apart from those its byte
// offset) to binary-search before decoding at most BLOCK entries. An indexed entry starts from
// its own first code point, so its gap is 0 and a block decodes on its own. Plain arrays of 32-bit
// fields (md4c's layout) gzip to about three times the size.
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

export const packRanges = (ranges) => pack(ranges, (r) => [r.hi - r.lo]);

export const packRuns = (runs) =>
  pack(runs, (r) => {
    const stride = r.stride || 1;
    const span = ((r.hi - r.lo) / stride) * 2 + stride - 1;
    if (r.tail.length > 2) throw new Error('a run maps to at most 3 code points');
    return [span * 3 + r.tail.length, r.delta < 0 ? -2 * r.delta - 1 : 2 * r.delta, ...r.tail];
  });

const hex = (n) => '0x' + n.toString(16);
const rows = (items, perRow) => {
  const out = [];
  for (let i = 0; i < items.length; i += perRow) out.push('  ' + items.slice(i, i + perRow).join(', ') + ',');
  return out;
};

// C++ for one packed table: NAME (a PackedTable) over NAMEBytes, NAMEFirsts and NAMEOffsets.
export function cxxTable(name, { bytes, firsts, offsets }) {
  return [
    `const std::uint8_t ${name}Bytes[] = {`,
    ...rows(bytes.map(hex), 16),
    '};',
    `const std::uint32_t ${name}Firsts[] = {`,
    ...rows(firsts.map(hex), 10),
    '};',
    `const std::uint16_t ${name}Offsets[] = {`,
    ...rows(offsets.map(String), 14),
    '};',
    `constexpr PackedTable ${name}{${name}Bytes, sizeof ${name}Bytes, ${name}Firsts, ${name}Offsets, ${firsts.length}};`,
  ];
}
