// What a config's import of a package that is not installed gets (user-code-worker.js): a value
// that can be read, called and constructed to any depth without throwing, and that plainValue
// leaves out (it is a function), so nothing of it reaches a page.
'use strict';

const standIn = new Proxy(function standIn() {}, {
  get: (target, key) => {
    if (key === Symbol.toPrimitive) return () => '';
    if (key === '__esModule') return false;
    if (key === 'then') return undefined; // not a promise: awaiting it must not wait forever
    if (key === 'prototype') return target.prototype;
    return standIn;
  },
  apply: () => standIn,
  construct: () => standIn,
});

module.exports = standIn;
