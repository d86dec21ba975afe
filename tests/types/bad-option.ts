// Type test: must NOT compile. A misspelt option name (rawHtml for allowRawHtml) and a misspelt
// createFoldmark option (wasmURL for wasmUrl) are errors for TypeScript users too.
import { createFoldmark } from 'foldmark';

const fm = await createFoldmark({ wasmURL: '/foldmark-core.wasm' });
export const html: string = fm.toHtml('# Hi', { rawHtml: true });
