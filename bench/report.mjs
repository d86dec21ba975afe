// Turns bench/run.mjs results into the Markdown table (results.md) and a hand-written SVG bar chart.

const fmt = (v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '–');
const clockWords = (r) => (r.config.clock === 'wall' ? ' (wall clock)' : ' of CPU time');
const slicesWords = (r) =>
  r.config.slices > 1 ? ` in ${r.config.slices} slices each, taken by the libraries in turn` : '';
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;

export function renderMarkdown(r) {
  const corpora = r.corpora;
  const lines = [];
  lines.push('# foldmark benchmark', '');
  lines.push(
    `${r.date}, Node ${r.node}; median of ${r.config.rounds} measurements of ≥ ${r.config.seconds} s${clockWords(r)} each, round-robin in one process${slicesWords(r)}.`,
  );
  lines.push(
    `Corpora: ${corpora.map((c) => `${c.name} = ${c.title}, ${(c.bytes / 1e6).toFixed(2)} MB`).join('; ')}.`,
    '',
  );
  lines.push("## Throughput (MB/s; × = ratio to the fastest peer on that corpus, each round's pair, median)", '');
  lines.push(`| library | ${corpora.map((c) => c.name).join(' | ')} |`);
  lines.push(`| --- |${' ---: |'.repeat(corpora.length)}`);
  for (const name of r.runners) {
    const cells = corpora.map((c) => {
      const x = r.rows[c.name][name];
      return `${fmt(x.mbps)} (${fmt(x.ratio, 2)}×)`;
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  lines.push(`| *fastest peer* | ${corpora.map((c) => r.rows[c.name].fastestPeer).join(' | ')} |`, '');
  const small = r.rows.small;
  if (small) {
    lines.push('## Per small article (µs, median)', '');
    lines.push('| library | µs/article |', '| --- | ---: |');
    for (const name of r.runners) lines.push(`| ${name} | ${fmt(small[name].usPerItem)} |`);
    lines.push('');
  }
  if (Object.keys(r.cold).length) {
    lines.push(
      `## Cold start (fresh \`node\`, median of ${r.config.coldRuns}: import + init + first render of one small article)`,
      '',
    );
    lines.push('| library | ms (import→first HTML) | ms since process start |', '| --- | ---: | ---: |');
    for (const [name, c] of Object.entries(r.cold)) lines.push(`| ${name} | ${fmt(c.ms)} | ${fmt(c.processMs)} |`);
    lines.push('');
  }
  lines.push('## Download size (what a browser loads; gzip -9 per file, summed)', '');
  lines.push('| library | raw | gzipped | files |', '| --- | ---: | ---: | --- |');
  for (const [name, s] of Object.entries(r.size)) {
    lines.push(
      `| ${name} | ${kib(s.raw)} | ${kib(s.gz)} | ${s.files.map((f) => f.replace(/^node_modules\//, '')).join(', ')} |`,
    );
  }
  lines.push(...targetLines('Targets', r.targets));
  return lines.join('\n');
}

/** README's speed section: the throughput table, the run's conditions, per-article time, cold
 *  start, the size line and the targets that do not hold, all from one run. */
export function readmeSpeed(r) {
  const corpora = r.corpora;
  const lines = [
    `| library | ${corpora.map((c) => c.title).join(' | ')} |`,
    `| --- |${' ---: |'.repeat(corpora.length)}`,
  ];
  for (const name of r.runners) {
    lines.push(
      `| ${name} | ${corpora.map((c) => `${fmt(r.rows[c.name][name].mbps)} (${fmt(r.rows[c.name][name].ratio, 2)}×)`).join(' | ')} |`,
    );
  }
  const spread = Math.max(...corpora.flatMap((c) => r.runners.map((n) => r.rows[c.name][n].spread)));
  const small = r.rows.small;
  const cold = r.cold;
  const facts = [
    `MB/s, median of ${r.config.rounds} rounds × ${r.config.seconds} s${clockWords(r)}, libraries interleaved in one process${slicesWords(r)}`,
    `(× = ratio to the fastest peer in the same round, median of the rounds); ${r.date.slice(0, 10)}, Node ${r.node}, a shared 2-core machine: one`,
    `row's rounds spread by up to ${(100 * spread).toFixed(0)} % in this run.`,
  ];
  if (small?.['foldmark toHtml'] && small['markdown-wasm']) {
    facts.push(
      `One small article: ${fmt(small['foldmark toHtml'].usPerItem)} µs (markdown-wasm ${fmt(small['markdown-wasm'].usPerItem)} µs).`,
    );
  }
  if (cold['foldmark toHtml'] && cold['markdown-wasm']) {
    facts.push(`Cold start ${fmt(cold['foldmark toHtml'].ms)} ms (markdown-wasm ${fmt(cold['markdown-wasm'].ms)} ms).`);
  }
  if (r.size.foldmark) {
    facts.push(
      `wasm + Embind glue ${kib(r.size['foldmark wasm + glue'].gz)} gzipped; the npm module's whole browser download ${kib(r.size.foldmark.gz)}, wasm and JavaScript (markdown-wasm ${kib(r.size['markdown-wasm']?.gz ?? NaN)}).`,
    );
  }
  const missed = r.targets.filter((t) => !t.ok);
  facts.push(
    missed.length === 0
      ? `Every target holds in this run (${r.targets.length}).`
      : `Targets missed in this run: ${missed.map((t) => `${t.what} (${t.value})`).join('; ')}.`,
  );
  return `${lines.join('\n')}\n\n${facts.join(' ')}\n`;
}

/** The Markdown of a benchmark's targets: [{ what, value, ok }] as a table under a heading. */
export function targetLines(heading, targets) {
  return [
    '',
    `## ${heading}`,
    '',
    '| target | measured | holds |',
    '| --- | --- | --- |',
    ...targets.map((t) => `| ${t.what} | ${t.value} | ${t.ok ? 'yes' : '**no**'} |`),
    '',
  ];
}

/** Text for an SVG <text> node. */
export const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * A horizontal bar chart as SVG text, the frame of both benchmark charts: under `title`, one panel
 * per entry of `panels` ({ heading, bars: [{ label, value, text, color }] }), each scaled to its
 * own largest value; `footer` last. Title and footer are SVG text as given (escape their data);
 * headings, labels and texts are escaped here. `layout` holds the sizes the two charts differ in.
 */
export function barChart({ title, footer, panels, layout }) {
  const { labelW, valueW, rowH, textDy, barInset, headGap, panelGap, bottom } = layout;
  const W = 760;
  const barW = W - labelW - valueW - 20;
  const parts = [];
  let y = 50;
  for (const panel of panels) {
    const max = Math.max(...panel.bars.map((b) => b.value)) || 1;
    parts.push(`<text x="10" y="${y}" class="h">${esc(panel.heading)}</text>`);
    y += headGap;
    for (const b of panel.bars) {
      const w = Math.max(1, (b.value / max) * barW);
      parts.push(`<text x="${labelW - 8}" y="${y + textDy}" class="l">${esc(b.label)}</text>`);
      parts.push(
        `<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - barInset}" fill="${b.color}"/>`,
      );
      parts.push(`<text x="${labelW + w + 6}" y="${y + textDy}" class="v">${esc(b.text)}</text>`);
      y += rowH;
    }
    y += panelGap;
  }
  const H = y + bottom;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif">`,
    '<style>.t{font-size:16px;font-weight:600}.h{font-size:13px;font-weight:600}.l{font-size:12px;text-anchor:end}.v{font-size:11px;fill:#333}</style>',
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="10" y="22" class="t">${title}</text>`,
    ...parts,
    `<text x="10" y="${H - 8}" class="v">${footer}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

// One panel per corpus, one horizontal bar per library.
export function renderSvg(r) {
  const color = (n) => (n.startsWith('native') ? '#9aa5b1' : n.startsWith('foldmark') ? '#2b6cb0' : '#dd8a3e');
  return barChart({
    title: 'Markdown → HTML throughput (MB/s, higher is better; × = vs fastest peer)',
    footer: `Node ${esc(r.node)}, median of ${r.config.rounds} × ${r.config.seconds} s, ${esc(r.date.slice(0, 10))}; blue: foldmark (wasm), orange: peers, grey: foldmark native`,
    panels: r.corpora.map((c) => ({
      heading: `${c.title} — ${(c.bytes / 1e6).toFixed(2)} MB`,
      bars: r.runners.map((n) => {
        const { mbps, ratio } = r.rows[c.name][n];
        return { label: n, value: mbps, text: `${fmt(mbps)} MB/s · ${fmt(ratio, 2)}×`, color: color(n) };
      }),
    })),
    layout: { labelW: 150, valueW: 130, rowH: 20, textDy: 14, barInset: 6, headGap: 10, panelGap: 26, bottom: 0 },
  });
}
