// What an export shows of residents' personal information. The fields are the ones the schemas
// mark as PII (`PII_FIELDS`); a masked export shows each in a form that identifies nobody
// (138****0001, 3号楼****), plus the reporter's name and phone numbers written into free text.
import { maskAddress, maskName, maskPhone, maskPhonesInText } from '#shared/domain/ledger/mask';
import { PII_FIELDS } from '#shared/schema/pii';
import type { CollectionName } from '#shared/domain/vocab';

/** Masks one PII value by what the field holds. */
export function maskPiiValue(field: string, value: string): string {
  if (/phone/i.test(field)) return maskPhone(value);
  if (/address/i.test(field)) return maskAddress(value);
  if (/idNumber/i.test(field))
    return value.length > 4 ? `${'*'.repeat(value.length - 4)}${value.slice(-4)}` : '****';
  return '****';
}

const FREE_TEXT = ['description', 'answer', 'note'];
const NAMES = ['reporterName', 'name'];

/** The document as a masked export shows it. */
export function maskedForExport<T extends object>(collection: CollectionName, doc: T): T {
  const out = { ...doc } as Record<string, unknown>;
  for (const field of PII_FIELDS[collection]) {
    const value = out[field];
    if (typeof value === 'string') out[field] = maskPiiValue(field, value);
  }
  for (const field of NAMES)
    if (collection !== 'places' && typeof out[field] === 'string' && PII_FIELDS[collection].length > 0)
      out[field] = maskName(out[field] as string);
  for (const field of FREE_TEXT)
    if (typeof out[field] === 'string') out[field] = maskPhonesInText(out[field] as string);
  return out as T;
}

/** Whether any exported document of the collection could hold personal information. */
export const exportHoldsPii = (collection: CollectionName): boolean => PII_FIELDS[collection].length > 0;

/**
 * A message that quotes what a resident gave (联系电话“…”, 地址“…”, 来电人“…”) with the quoted
 * values masked, and any other phone number in it too.
 */
export function maskQuotedPii(text: string): string {
  return maskPhonesInText(
    text.replace(/(电话|号码|地址|院落|小区|来电人|姓名)“([^”]*)”/g, (_, what: string, value: string) => {
      const masked = /电话|号码/.test(what)
        ? maskPhone(value) || '****'
        : /来电人|姓名/.test(what)
          ? maskName(value)
          : maskAddress(value);
      return `${what}“${masked}”`;
    }),
  );
}
