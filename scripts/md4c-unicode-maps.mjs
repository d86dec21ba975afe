// Reads md4c 0.5.2's Unicode maps (PUNCT_MAP, FOLD_MAP_1..3 and their _DATA) from its md4c.c, for
// scripts/gen-unicode-tables.mjs to repack: md4c, patched, then calls our packed copies instead
// (patches/md4c-0.5.2-zz-external-unicode-tables.patch). What md4c's lookups answer for every code
// point is what this module answers; tests/native/unicode_tables_test.cpp compares the two ways
// over every code point.
import { readFileSync } from 'node:fs';

// One array: `static const unsigned NAME[] = { R(0x0021,0x002f), S(0x00b4), ... };` (R: a range,
// stored as two slots; S: one code point) or plain numbers (the _DATA arrays).
function readArray(source, name, fail) {
  const m = new RegExp(`static const unsigned ${name}\\[\\] = \\{([^}]*)\\}`).exec(source);
  if (!m) fail(`${name} not found; has the format changed?`);
  const slots = [];
  const body = m[1].replace(/\/\*[\s\S]*?\*\//g, '');
  for (const item of body.split(',').map((s) => s.trim())) {
    if (item === '') continue;
    let r;
    if ((r = /^R\((0x[0-9a-fA-F]+)$/.exec(item))) slots.push({ range: 'lo', cp: Number(r[1]) });
    else if ((r = /^(0x[0-9a-fA-F]+)\)$/.exec(item))) slots.push({ range: 'hi', cp: Number(r[1]) });
    else if ((r = /^S\((0x[0-9a-fA-F]+)\)$/.exec(item))) slots.push({ cp: Number(r[1]) });
    else if (/^0x[0-9a-fA-F]+$/.test(item)) slots.push({ cp: Number(item) });
    else fail(`${name}: unexpected item ${item}`);
  }
  return slots;
}

// A map's entries: {lo, hi, slot} (slot: where lo sits, which also picks the entry's data).
function entriesOf(slots, name, fail) {
  const entries = [];
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i];
    if (s.range === 'lo') {
      const hi = slots[i + 1];
      if (!hi || hi.range !== 'hi' || hi.cp < s.cp) fail(`${name}: broken range at slot ${i}`);
      entries.push({ lo: s.cp, hi: hi.cp, slot: i });
      i++;
    } else if (s.range === 'hi') {
      fail(`${name}: range end without start at slot ${i}`);
    } else {
      entries.push({ lo: s.cp, hi: s.cp, slot: i });
    }
    const prev = entries[entries.length - 2];
    if (prev && prev.hi >= entries[entries.length - 1].lo) fail(`${name}: entries out of order`);
  }
  return entries;
}

export function readMd4cUnicodeMaps(path) {
  const source = readFileSync(path, 'utf8');
  const fail = (message) => {
    throw new Error(`${path}: ${message}`);
  };
  const punct = entriesOf(readArray(source, 'PUNCT_MAP', fail), 'PUNCT_MAP', fail).map(({ lo, hi }) => [lo, hi]);
  if (punct.length < 300) fail(`only ${punct.length} PUNCT_MAP entries`);

  // md4c's md_get_unicode_fold_info: the first map (1, 2 or 3 code points) holding cp answers.
  // For cp inside a range (not its start) the range's data says how: when the start's first code
  // point is start + 1, the range alternates (cp of the start's parity → cp + 1, others stay);
  // otherwise it moves with cp (first code point + cp - start). Other code points map to
  // themselves.
  const folds = new Map();
  for (const n of [1, 2, 3]) {
    const name = `FOLD_MAP_${n}`;
    const entries = entriesOf(readArray(source, name, fail), name, fail);
    const data = readArray(source, `${name}_DATA`, fail).map((s) => s.cp);
    for (const { lo, hi, slot } of entries) {
      const to = data.slice(slot * n, slot * n + n);
      if (to.length !== n) fail(`${name}_DATA too short for slot ${slot}`);
      for (let cp = lo; cp <= hi; cp++) {
        if (folds.has(cp)) continue;
        const first = cp === lo ? to[0] : lo + 1 === to[0] ? cp + ((cp & 1) === (lo & 1) ? 1 : 0) : to[0] + (cp - lo);
        folds.set(cp, [first, ...to.slice(1)]);
      }
    }
  }
  if (folds.size < 1000) fail(`only ${folds.size} folded code points`);
  const fold = [...folds]
    .filter(([cp, to]) => !(to.length === 1 && to[0] === cp))
    .sort((a, b) => a[0] - b[0])
    .map(([cp, to]) => ({ cp, to }));
  return { punct, fold };
}
