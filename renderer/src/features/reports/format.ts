// Numbers as the street office writes them: shares with one decimal, money in yuan from fen.

export const percent = (rate: number | null): string =>
  rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

export const yuan = (fen: number): string =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 万元 with two decimals, for chart axes. */
export const tenThousandYuan = (fen: number): number => Math.round(fen / 10_000) / 100;

/** `2026-03` → parts for "2026年3月". */
export const monthParts = (month: string) => ({
  year: month.slice(0, 4),
  month: String(Number(month.slice(5, 7))),
});
