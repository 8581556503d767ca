/** Beijing wall-clock time for display ("2026-12-01 16:30"). */
export function beijingText(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
