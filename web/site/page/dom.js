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

export const messageOf = (err) => String(err && err.message ? err.message : err);
