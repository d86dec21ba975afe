// Type test: a CommonJS consumer (require('foldmark') resolves web/foldmark.d.cts).
import foldmark = require('foldmark');

export async function use(): Promise<string> {
  const fm: foldmark.Foldmark = await foldmark.createFoldmark({ wasmBinary: new Uint8Array(8) });
  const options: foldmark.Options = { collapse: 'none', idPrefix: 'x-' };
  try {
    return fm.render('# T', options).html;
  } catch (err) {
    if (err instanceof foldmark.FoldmarkError) return err.code satisfies foldmark.FoldmarkErrorCode;
    throw err;
  }
}
