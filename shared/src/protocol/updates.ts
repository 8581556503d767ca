// Application updates served by the hub (outside the sync protocol, no token: installers are not
// secret and a device must be able to update even when its sync is refused).
//   GET /v1/updates/policy      → UpdatePolicy
//   GET /v1/updates/<file>      → latest.yml, latest-linux.yml, installers, blockmaps (Range ok)

export const UPDATES_PREFIX = '/v1/updates/';

export interface UpdatePolicy {
  /** The version the hub offers now, or null when nothing is published. */
  version: string | null;
  /** Devices older than this must update before they go on working. */
  minimumVersion: string | null;
}

export type UpdateRoute = { kind: 'policy' } | { kind: 'file'; name: string };

const FILE = /^[A-Za-z0-9][A-Za-z0-9._ +-]{0,199}$/;

/** Null when the path is not an update route at all; 'not_found' for a malformed one. */
export function parseUpdateRoute(
  method: string,
  pathname: string,
): UpdateRoute | 'not_found' | 'method_not_allowed' | null {
  if (!pathname.startsWith(UPDATES_PREFIX)) return null;
  if (method !== 'GET' && method !== 'HEAD') return 'method_not_allowed';
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice(UPDATES_PREFIX.length));
  } catch {
    return 'not_found';
  }
  if (name === 'policy') return { kind: 'policy' };
  if (!FILE.test(name) || name.includes('..')) return 'not_found';
  return { kind: 'file', name };
}

const VERSION_PATTERN = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

export function isVersion(text: string): boolean {
  return VERSION_PATTERN.test(text);
}

/** Compares two versions as semver orders them (a pre-release before its release); enough for our tags. */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split(/-(.*)/s, 2);
  const [coreB = '', preB] = b.split(/-(.*)/s, 2);
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const d = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (preA === preB) return 0;
  if (preA === undefined || preA === '') return 1;
  if (preB === undefined || preB === '') return -1;
  return preA < preB ? -1 : 1;
}
