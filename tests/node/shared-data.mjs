// Data beside the repository in ../shared (the team's corpus; a fresh clone does not have it).
// A test that can use it says so: when it is missing the test is skipped with the reason in the
// summary, and FOLDMARK_REQUIRE_SHARED=1 (set where ../shared must be there) makes it a failure.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

export function sharedFile(relative) {
  const path = fileURLToPath(new URL(`../../../shared/${relative}`, import.meta.url));
  return existsSync(path) ? path : null;
}

/** Registers a visible skip (or, when required, a failure) for a corpus that is not there. */
export function reportMissingShared(relative, what) {
  const reason = `../shared/${relative} is not beside the repository: ${what} not tested`;
  if (process.env.FOLDMARK_REQUIRE_SHARED === '1')
    test(`needs ../shared/${relative}`, () => {
      throw new Error(reason);
    });
  else test(`needs ../shared/${relative}`, { skip: reason }, () => {});
}
