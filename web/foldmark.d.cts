// Types for require('foldmark') (web/index.cjs): the same API as web/foldmark.d.ts, re-exported
// so a CommonJS consumer type-checks against the one hand-written declaration.
import type * as foldmark from './foldmark.js' with { 'resolution-mode': 'import' };

export type * from './foldmark.js' with { 'resolution-mode': 'import' };
export declare const createFoldmark: typeof foldmark.createFoldmark;
export declare const FoldmarkError: typeof foldmark.FoldmarkError;
export type FoldmarkError = foldmark.FoldmarkError;
