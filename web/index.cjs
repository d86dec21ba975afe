// CommonJS entry of the foldmark package: require('foldmark') on every Node >= 20. Node 20.0–20.18
// cannot require() an ES module, so this file does not: createFoldmark (async anyway) loads the
// ES module API with import() and returns exactly what `import { createFoldmark }` returns.
'use strict';

// A twin of web/foldmark.js's class (same brand, same check): the errors the API throws come from
// the ES module, and `instanceof` must hold against this class too.
const BRAND = Symbol.for('foldmark.FoldmarkError');

class FoldmarkError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'FoldmarkError';
    this.code = code;
  }

  static [Symbol.hasInstance](value) {
    if (this !== FoldmarkError) return Function.prototype[Symbol.hasInstance].call(this, value); // subclasses
    return value !== null && value !== undefined && value[BRAND] === true;
  }
}
Object.defineProperty(FoldmarkError.prototype, BRAND, { value: true });

async function createFoldmark(options) {
  const api = await import('./node.js');
  return api.createFoldmark(options);
}

exports.createFoldmark = createFoldmark;
exports.FoldmarkError = FoldmarkError;
