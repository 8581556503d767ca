// The limits of a demand's free-text fields and the phone rule, one for every way a demand comes
// in: intake refuses what the import refuses, in the same words, and nothing is cut silently.
import { NAME_MAX, TEXT_MAX, TITLE_MAX } from '#shared/schema/base';

export const DEMAND_TEXT_LIMITS = {
  title: TITLE_MAX,
  description: TEXT_MAX,
  reporterName: NAME_MAX,
  addressDetail: TEXT_MAX,
} as const;

export type LimitedDemandField = keyof typeof DEMAND_TEXT_LIMITS;

/** Length as the schemas count it: characters (code points), so 𠀀 or an emoji counts once. */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** From this share of the limit on a counter shows how much room is left. */
const COUNTER_FROM = 0.8;

export function showsCounter(length: number, limit: number): boolean {
  return length >= Math.floor(limit * COUNTER_FROM);
}

/**
 * A phone number in one written form (mobile 139-0000-1234, landline 010-12345678), or `null`
 * when it is not a phone number; empty text gives `undefined`.
 */
export function normalisePhone(text: string): string | undefined | null {
  const raw = text.trim();
  if (raw === '') return undefined;
  const digits = raw.replace(/^(\+|00)86/, '').replace(/[\s\-()（）]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  if (/^1[3-9]\d{9}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  if (/^010\d{8}$/.test(digits)) return `010-${digits.slice(3)}`;
  if (/^0[1-9]\d{9,10}$/.test(digits)) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  if (/^[2-9]\d{7}$/.test(digits)) return `010-${digits}`; // a Beijing number without area code
  return null;
}
