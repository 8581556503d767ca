// PostgreSQL text cannot hold NUL or unpaired surrogates, and a path segment that does not decode
// as UTF-8 names nothing the hub stores. Such a request target is refused as a bad request before
// any route sees it, so no handler can pass it to the database and answer 500.

import { hasUnstorableString } from '../sync/rules';

/** Control characters have no place in a path or query either. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u001f\u007f]/;

function unstorable(raw: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return true;
  }
  return CONTROL.test(decoded) || hasUnstorableString(decoded);
}

/** True when any path segment or query value of `url` holds bytes the hub cannot store. */
export function hasUnstorableTarget(url: URL): boolean {
  if (url.pathname.split('/').some(unstorable)) return true;
  // The query is parsed by URLSearchParams (already decoded, bad escapes kept as text).
  for (const [key, value] of url.searchParams) {
    if (CONTROL.test(key) || CONTROL.test(value) || hasUnstorableString([key, value])) return true;
  }
  return false;
}
