import { createHash, randomBytes, randomInt } from 'node:crypto';

// Crockford base32: no I, L, O, U, so a code read aloud or typed from paper is unambiguous.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A one-time enrollment code, shown as `XXXXX-XXXXX` (50 bits). */
export function generateEnrollCode(): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) raw += CROCKFORD[randomInt(CROCKFORD.length)];
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/**
 * The canonical form that is hashed: upper case without separators, with Crockford's reading
 * aids (I/L → 1, O → 0). Returns null when the input cannot be a code.
 */
export function normalizeEnrollCode(input: string): string | null {
  if (input.length > 40) return null;
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!CROCKFORD.includes(ch)) return null;
  return s;
}

export function hashEnrollCode(normalized: string): string {
  return sha256Hex(`enroll:${normalized}`);
}

/** A device bearer token; only its sha256 is stored on the hub. */
export function generateToken(): string {
  return `yst_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return sha256Hex(`token:${token}`);
}

export function generateDeviceId(): string {
  return `dev_${randomBytes(9).toString('base64url')}`;
}

export function generateHubId(): string {
  return `hub_${randomBytes(9).toString('base64url')}`;
}

export function generateAdminSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a code issued with `expiresAt` is still usable at `now`. */
export function isExpired(expiresAt: Date, now: Date): boolean {
  return now.getTime() >= expiresAt.getTime();
}

export function generateBundleId(): string {
  return `bdl_${randomBytes(12).toString('base64url')}`;
}
