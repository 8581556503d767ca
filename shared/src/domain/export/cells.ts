// Exported spreadsheets never carry formulas (OWASP "CSV injection"): a text cell that starts with
// = + - @ (or their full-width forms, which spreadsheet input methods turn into the same), a tab or
// a carriage return is prefixed with an apostrophe, so a spreadsheet shows it as text and never
// evaluates it. Numbers, dates and booleans are typed cells and stay as they are.

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);

/** Whether a spreadsheet could read this text as the start of a formula. */
export const startsLikeFormula = (text: string): boolean =>
  text.length > 0 && TRIGGERS.has(text[0] as string);

/** The text as a cell may safely hold it. */
export function neutraliseText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** Every text cell of a table neutralised (for CSV, where every cell is text). */
export function neutraliseTable(rows: readonly (readonly string[])[]): string[][] {
  return rows.map((row) => row.map(neutraliseText));
}
