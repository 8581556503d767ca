// Masking of personal information (PIPL) in exports and on screens of roles that may not read it.
// Which fields are shown in full is decided by the caller with `can(actor, 'pii.read' |
// 'export.pii')`; these functions only know how to hide.

const MASK = '*';

/** 139-0000-1234 → 139****1234; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 0) return '';
  if (digits.length >= 11) return digits.slice(0, 3) + MASK.repeat(digits.length - 7) + digits.slice(-4);
  return MASK.repeat(Math.max(digits.length - 2, 1)) + digits.slice(-2);
}

/**
 * 王秀英 → 王**; a caller recorded only as 王女士 / 李先生 already is anonymous and stays as is.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (/^.(女士|先生|阿姨|大爷|师傅)$/u.test(name.trim())) return name.trim();
  if (chars.length === 1) return MASK;
  return (chars[0] as string) + MASK.repeat(chars.length - 1);
}

/** 3号楼2单元401 → 3号楼****: the building may show, the door not. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  if (chars.length === 0) return '';
  const building = chars.indexOf('楼');
  const keep = building >= 0 && building < 8 ? building + 1 : Math.min(2, chars.length - 1);
  return chars.slice(0, keep).join('') + MASK.repeat(4);
}

// Mobile numbers (1xx xxxx xxxx, with or without separators) and 8-digit Beijing landlines.
const PHONE_IN_TEXT = /1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|(?<!\d)(?:010[\s-]?)?[2-9]\d{3}[\s-]?\d{4}(?!\d)/g;

/** Phone numbers residents wrote into free text (description, answer) are masked too. */
export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_IN_TEXT, (match) => maskPhone(match));
}

export interface PiiAccess {
  /** May see reporter names, phones and address details unmasked. */
  readonly pii: boolean;
}

export interface ReporterFields {
  reporterName?: string;
  reporterPhone?: string;
  addressDetail?: string;
  description: string;
}

/** The reporter fields as the given access may see them. */
export function maskReporter<T extends ReporterFields>(demand: T, access: PiiAccess): T {
  if (access.pii) return demand;
  const out: T = { ...demand, description: maskPhonesInText(demand.description) };
  if (demand.reporterName !== undefined) out.reporterName = maskName(demand.reporterName);
  if (demand.reporterPhone !== undefined) out.reporterPhone = maskPhone(demand.reporterPhone);
  if (demand.addressDetail !== undefined) out.addressDetail = maskAddress(demand.addressDetail);
  return out;
}
