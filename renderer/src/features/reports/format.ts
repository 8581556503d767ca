// Numbers as the street office writes them: shares with one decimal, money in yuan from fen.

export const percent = (rate: number | null): string =>
  rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

export const yuan = (fen: number): string =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 万元 with two decimals, for chart axes. */
export const tenThousandYuan = (fen: number): number => Math.round(fen / 10_000) / 100;

const BEIJING = 'Asia/Shanghai';

/** 2026/3/9 — Beijing date whatever the computer's zone. */
export function formatDate(iso: string, locale = 'zh-CN'): string {
  return new Date(iso).toLocaleDateString(locale, { timeZone: BEIJING });
}

export function formatDateTime(iso: string, locale = 'zh-CN'): string {
  return new Date(iso).toLocaleString(locale, {
    timeZone: BEIJING,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/** `2026-03` → parts for "2026年3月". */
export const monthParts = (month: string) => ({
  year: month.slice(0, 4),
  month: String(Number(month.slice(5, 7))),
});
