// CSV as 12345 systems and Excel export it: RFC 4180 (quoted fields, doubled quotes, line breaks
// inside quotes), any of CRLF / LF / CR line ends, UTF-8 with or without BOM, or GBK (what Excel
// on a Chinese Windows writes by default). Decoding itself happens in the caller with the
// runtime's TextDecoder; this module only decides which encoding the bytes are in.

export type CsvEncoding = 'utf-8' | 'gbk';

export interface EncodingGuess {
  readonly encoding: CsvEncoding;
  /** Bytes to skip before decoding (a UTF-8 BOM). */
  readonly offset: number;
}

/** A UTF-8 BOM means UTF-8; otherwise valid UTF-8 is UTF-8 and anything else is taken for GBK. */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', offset: 3 };
  return { encoding: isValidUtf8(bytes) ? 'utf-8' : 'gbk', offset: 0 };
}

/** Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return false;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/**
 * Parses CSV text into rows of fields. A trailing line end does not make an empty last row;
 * fully empty lines are dropped (spreadsheets leave them at the end).
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (i < source.length) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\r') {
      endRow();
      if (source[i + 1] === '\n') i += 1;
    } else if (ch === '\n') {
      endRow();
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Semicolon- or tab-separated exports exist too: pick the delimiter the header line uses most. */
export function sniffDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const firstLine = end < 0 ? text : text.slice(0, end);
  const candidates = [',', ';', '\t'];
  let best = ',';
  let bestCount = 0;
  for (const c of candidates) {
    const count = firstLine.split(c).length - 1;
    if (count > bestCount) [best, bestCount] = [c, count];
  }
  return best;
}

/** Writes rows as RFC 4180 CSV (quotes only where needed, CRLF line ends). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}
