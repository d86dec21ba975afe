// Type test (tests/node/types.test.mjs runs tsc --noEmit over it): an ES module consumer that
// uses every export, createFoldmark option, render/toHtml option and error code of 'foldmark'.
import { createFoldmark, FoldmarkError } from 'foldmark';
import type {
  Article, CreateOptions, Foldmark, FoldmarkErrorCode, Options, Question, TocEntry, Warning, WarningCode,
} from 'foldmark';

const creates: CreateOptions[] = [
  {},
  { wasmUrl: '/assets/foldmark-core.wasm' },
  { wasmUrl: new URL('https://example.org/foldmark-core.wasm') },
  { wasmBinary: new Uint8Array(8) },
  { wasmBinary: new ArrayBuffer(8) },
  { locateFile: (path: string, dir: string): string => dir + path },
];

const options: Options = {
  allowRawHtml: false,
  gfm: true,
  headingIds: true,
  mdx: true,
  math: false,
  collapse: 'questions',
  idPrefix: 'doc-',
};
const collapses: Options['collapse'][] = ['sections', 'questions', 'none'];

const codes: Record<FoldmarkErrorCode, string> = {
  E_INPUT: 'not a string or Uint8Array',
  E_OPTION: 'bad option',
  E_LIMIT: 'too large',
  E_INTERNAL: 'core failed',
  E_WASM: 'wasm not found',
};

export async function use(): Promise<string> {
  const fm: Foldmark = await createFoldmark(creates[0]);
  const html: string = fm.toHtml('# Hi', options) + fm.toHtml(new TextEncoder().encode('x'));
  const article: Article = fm.render('# Title\n\n## Why?\n\ntext', { collapse: collapses[2] });
  const toc: TocEntry[] = article.toc;
  const questions: Question[] = article.questions;
  const warnings: Warning[] = article.warnings;
  const meta: Record<string, unknown> = article.meta;
  const versions: string = `${fm.version.foldmark} ${fm.version.md4c}`;
  const firstLine: number = warnings[0]?.line ?? 0;
  const firstCode: WarningCode | undefined = warnings[0]?.code;
  const highlighted: string = fm.toHtml('```js\nx\n```', { highlight: (code: string, lang: string, meta: string) => (lang ? code : undefined) });
  try {
    fm.toHtml(html);
  } catch (err) {
    if (err instanceof FoldmarkError) {
      const code: FoldmarkErrorCode = err.code;
      const name: 'FoldmarkError' = err.name;
      return `${codes[code]} ${name} ${err.message}`;
    }
  }
  const made = new FoldmarkError('E_WASM', 'made by hand');
  return [article.title, article.html, article.jsonLd, toc.length, questions.length, firstLine,
    Object.keys(meta).length, versions, made.code, firstCode, highlighted].join(' ');
}
