// The browser libraries a site carries (_foldmark/lib/<name>.js, classic scripts: file:// pages
// cannot import modules), loaded on first use by the feature that needs one, once per page; a
// failed load is tried again the next time it is needed.
import { libraryPath } from '../shared/paths.js';
import { state } from './state.js';

const loading = new Map(); // name → Promise of self[name]

/** Resolves with the global the library `name` defines (self.mermaid, self.katex). */
export function loadLibrary(name) {
  if (!loading.has(name)) {
    const promise = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(libraryPath(name), state.rootUrl).href;
      script.onload = () => (self[name] ? resolve(self[name]) : reject(new Error(`it defined no ${name}`)));
      script.onerror = () => {
        loading.delete(name);
        reject(new Error(`${libraryPath(name)} could not be loaded`));
      };
      document.head.append(script);
    });
    loading.set(name, promise);
  }
  return loading.get(name);
}
