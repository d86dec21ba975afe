// Turns bench/site/run.mjs results into a Markdown table (one row per metric and mode, one column
// per tree size, then the ratio largest / smallest), the targets and an SVG bar chart.
import { cpus } from 'node:os';
import { barChart, esc, targetLines } from '../report.mjs';

// A metric is one table row per mode. Rows whose value is missing in every size are left out, so
// a builder without a feature (an older one without the search index) is compared on the rest.
export const METRICS = [
  { key: 'buildMs', label: 'build time (s, median)', value: (m) => m.buildMs / 1000, digits: 2, chart: true },
  { key: 'buildCpuMs', label: 'build CPU time (s, user + system)', value: (m) => m.buildCpuMs / 1000, digits: 2 },
  { key: 'rssMiB', label: 'build peak RSS (MiB)', value: (m) => m.rssMiB, digits: 0 },
  { key: 'outBytes', label: 'output (MB)', value: (m) => m.outBytes / 1e6, digits: 2 },
  {
    key: 'downloadGz',
    label: 'one article: download (KiB gz)',
    value: (m) => m.downloadGz / 1024,
    digits: 1,
    chart: true,
  },
  { key: 'requests', label: 'one article: files fetched', value: (m) => m.requests, digits: 0 },
  {
    key: 'catalogPerDoc',
    label: 'catalog (B gz per article)',
    value: (m) => m.catalogPerDoc,
    digits: 1,
    chart: ['plain'],
  },
  { key: 'indexPerDoc', label: 'search index (B gz per article)', value: (m) => m.indexPerDoc, digits: 1 },
  { key: 'firstMs', label: 'first article (ms, median)', value: (m) => m.firstMs, digits: 0, chart: true },
  { key: 'secondMs', label: 'second article after a click (ms)', value: (m) => m.secondMs, digits: 0, chart: true },
  { key: 'searchMs', label: 'first search result (ms)', value: (m) => m.searchMs, digits: 0 },
  { key: 'failed', label: 'failed requests per load (max)', value: (m) => m.failed, digits: 0 },
];

const num = (v, d) =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '–'
    : v.toLocaleString('en-US', {
        minimumFractionDigits: d,
        maximumFractionDigits: d,
      });
const sizeName = (n) => n.toLocaleString('en-US');
const metricValue = (metric, row, mode) => {
  const m = row.modes[mode];
  return m && m[metric.key] !== undefined && m[metric.key] !== null ? metric.value(m) : null;
};
const modeLabel = (mode) => (mode === 'plain' ? '' : ` · ${mode}`);

export function tableRows(r) {
  const modes = Object.keys(r.rows[0].modes);
  const first = r.rows[0];
  const last = r.rows[r.rows.length - 1];
  const out = [];
  for (const metric of METRICS) {
    for (const mode of modes) {
      const values = r.rows.map((row) => metricValue(metric, row, mode));
      if (values.every((v) => v === null)) continue;
      const a = metricValue(metric, first, mode);
      const b = metricValue(metric, last, mode);
      const ratio = a > 0 && b !== null ? b / a : null;
      out.push({ metric, mode, label: `${metric.label}${modeLabel(mode)}`, values, ratio });
    }
  }
  return out;
}

// The site's speed and size targets, as measured in this run (smallest and largest tree).
export function targets(r) {
  const t = [];
  const first = r.rows[0];
  const last = r.rows[r.rows.length - 1];
  const add = (what, value, ok) => t.push({ what, value, ok });
  const big = sizeName(last.n);
  const small = sizeName(first.n);
  for (const mode of Object.keys(first.modes)) {
    const a = first.modes[mode];
    const b = last.modes[mode];
    const tag = modeLabel(mode);
    add(
      `first article at ${big} ≤ 1.2× at ${small}${tag}`,
      `${num(b.firstMs, 0)} / ${num(a.firstMs, 0)} ms = ${num(b.firstMs / a.firstMs, 2)}×`,
      b.firstMs <= 1.2 * a.firstMs,
    );
    add(`first article ≤ 100 ms at ${small}${tag}`, `${num(a.firstMs, 0)} ms`, a.firstMs <= 100);
    if (b.catalogPerDoc !== null) {
      const catalog = b.catalogPerDoc * last.n;
      add(
        `download at ${big} ≤ 1.3× at ${small} + catalog${tag}`,
        `${num(b.downloadGz / 1024, 1)} KiB vs 1.3 × ${num(a.downloadGz / 1024, 1)} + ${num(catalog / 1024, 1)} KiB`,
        b.downloadGz <= 1.3 * a.downloadGz + catalog,
      );
    }
    const failed = Math.max(...r.rows.map((row) => row.modes[mode].failed));
    add(`0 failed requests per load${tag}`, String(failed), failed === 0);
  }
  if (last.modes.plain?.catalogPerDoc !== null && last.modes.plain?.catalogPerDoc !== undefined) {
    add(
      `catalog ≤ 40 B gz per article at ${big}`,
      `${num(last.modes.plain.catalogPerDoc, 1)} B`,
      last.modes.plain.catalogPerDoc <= 40,
    );
  }
  if (last.n >= 10000) {
    for (const mode of Object.keys(last.modes)) {
      const s = last.modes[mode].buildMs / 1000;
      add(`${big} articles build in ≤ 10 s${modeLabel(mode)}`, `${num(s, 2)} s`, s <= 10);
    }
  }
  return t;
}

export function renderMarkdown(r) {
  const rows = tableRows(r);
  const sizes = r.rows.map((row) => sizeName(row.n));
  const lines = ['# foldmark site benchmark', ''];
  lines.push(
    `${r.date}, Node ${r.node}, commit ${r.commit}; builds: median of ${r.config.builds}, Chromium loads from file://: median of ${r.config.loads}.`,
  );
  lines.push(
    `Load average (1, 5, 15 min) on this ${cpus().length}-core machine: ${r.loadBefore.join(', ')} before, ${r.loadAfter.join(', ')} after.`,
  );
  lines.push(
    `Trees: ${r.rows.map((row) => `${sizeName(row.n)} articles = ${num(row.markdownBytes / 1e6, 2)} MB Markdown, ${sizeName(row.links)} links, ${sizeName(row.images)} images`).join('; ')}.`,
    '',
  );
  lines.push(`| metric | ${sizes.join(' | ')} | ${sizes[sizes.length - 1]} / ${sizes[0]} |`);
  lines.push(`| --- |${' ---: |'.repeat(sizes.length + 1)}`);
  for (const row of rows) {
    const cells = row.values.map((v) => num(v, row.metric.digits));
    lines.push(`| ${row.label} | ${cells.join(' | ')} | ${row.ratio === null ? '–' : `${num(row.ratio, 2)}×`} |`);
  }
  if (!rows.some((row) => row.metric.key === 'indexPerDoc'))
    lines.push('', 'No search index in this build: its rows are left out.');
  lines.push(...targetLines('Targets', r.targets));
  return lines.join('\n');
}

// One panel per charted metric; in each, one bar per tree size and mode.
export function renderSvg(r) {
  const colors = { plain: '#2b6cb0', prerender: '#dd8a3e' };
  const panels = [];
  for (const metric of METRICS.filter((m) => m.chart)) {
    const bars = [];
    for (const row of r.rows) {
      for (const mode of Object.keys(row.modes)) {
        if (Array.isArray(metric.chart) && !metric.chart.includes(mode)) continue; // the same in every mode
        const v = metricValue(metric, row, mode);
        if (v !== null && Number.isFinite(v))
          bars.push({
            label: `${sizeName(row.n)} articles${modeLabel(mode)}`,
            value: v,
            text: num(v, metric.digits),
            color: colors[mode] || '#9aa5b1',
          });
      }
    }
    if (bars.length > 0) panels.push({ heading: metric.label, bars });
  }
  return barChart({
    title: 'The site at any size (lower is better; Chromium from file://)',
    footer: `Node ${esc(r.node)}, ${esc(r.date.slice(0, 10))}, shared 2-core machine, medians; blue: plain build, orange: --prerender`,
    panels,
    layout: { labelW: 190, valueW: 90, rowH: 18, textDy: 13, barInset: 5, headGap: 8, panelGap: 24, bottom: 10 },
  });
}
