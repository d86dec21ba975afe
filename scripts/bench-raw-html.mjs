// Interleaved A/B of the raw HTML modes on HTML-heavy Markdown: allowRawHtml false (text) against
// 'safe' (the allowlist) and true (verbatim), same instance, alternating calls, medians.
// Usage: node scripts/bench-raw-html.mjs [ROUNDS]
import { createFoldmark } from '../web/node.js';

const rounds = Number(process.argv[2] ?? 41);
const section = (i) => `## Section ${i} <span className="badge">new</span>

<p align="center">
  <img src="/img/shot-${i}.png" alt="shot ${i}" width={300} onerror="x()" />
  <a href="https://example.com/${i}" target="_blank">link</a>
</p>

Text with <kbd>Ctrl</kbd>+<kbd>C</kbd>, <small>*(new in ES2015)*</small>, <br/> and <code>x</code>.

<details>
<summary><strong>More ${i}</strong></summary>

Some **Markdown** inside, a [link](./doc-${i}.md) and \`code\`.

</details>

<table>
<thead><tr><th align="left">Name</th><th colspan="2">Value</th></tr></thead>
<tbody><tr><td>a</td><td>b</td><td><ins style={{background: '#f4511e'}} className="color-box" /></td></tr></tbody>
</table>

Plain paragraph ${i} with enough words to be a paragraph of ordinary prose in a docs page.
`;
const markdown = Array.from({ length: 400 }, (_, i) => section(i)).join('\n');
const fm = await createFoldmark();
const modes = { text: false, safe: 'safe', trusted: true };
const times = Object.fromEntries(Object.keys(modes).map((m) => [m, []]));
for (const m of Object.keys(modes)) fm.toHtml(markdown, { allowRawHtml: modes[m] }); // warm up
for (let r = 0; r < rounds; r++) {
  for (const m of r % 2 ? Object.keys(modes) : Object.keys(modes).reverse()) {
    const t = process.hrtime.bigint();
    fm.toHtml(markdown, { allowRawHtml: modes[m] });
    times[m].push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}
const median = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
const text = median(times.text);
console.log(`input ${(markdown.length / 1024).toFixed(0)} KiB of HTML-heavy Markdown, ${rounds} interleaved rounds`);
for (const m of Object.keys(modes))
  console.log(
    `${m.padEnd(8)} median ${median(times[m]).toFixed(2)} ms  (${(median(times[m]) / text).toFixed(3)}x text)`,
  );
