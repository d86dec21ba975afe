// Small DOM helpers shared by the feature modules.
import { el } from './state.js';

export function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function link(text, href) {
  const a = make('a', '', text);
  a.href = href;
  return a;
}

export function say(message) {
  if (el.siteStatus) el.siteStatus.textContent = message;
}

// requestIdleCallback where it exists (not in every browser), else a short timeout.
export function whenIdle(fn, timeout = 2000) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout });
  else setTimeout(fn, 50);
}

// After the next frame is painted (a frame callback, then a task); a page that does not paint
// (a background tab) runs it after a timeout instead.
export function afterPaint(fn, timeout = 250) {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, timeout);
}

export const messageOf = (err) => String(err && err.message ? err.message : err);
