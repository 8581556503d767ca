import type { ConsultationPhase, FundSource, ProjectKind } from '#shared/domain/vocab';

// Chinese names used in messages and generated text (公示, balances), beside the UI's own i18n.

export const FUND_SOURCE_LABELS: Readonly<Record<FundSource, string>> = {
  communityWelfareFund: '社区公益金',
  partyServiceFund: '党组织服务群众经费',
  socialOrgPurchase: '购买社会组织服务项目资金',
  districtFund: '区级/市级资金',
};

export const PROJECT_KIND_LABELS: Readonly<Record<ProjectKind, string>> = {
  micro: '微实事',
  major: '重点项目',
};

export const CONSULTATION_PHASE_LABELS: Readonly<Record<ConsultationPhase, string>> = {
  before: '项目前协商',
  during: '项目中协商',
  after: '项目后协商',
};

/** The big district and city programmes a major project usually belongs to. */
export const MAJOR_PROGRAMMES = ['老旧小区改造', '党政群共商共治工程', '电气改造'] as const;
export type MajorProgramme = (typeof MAJOR_PROGRAMMES)[number];

/** Integer fen as yuan with two decimals and thousands separators: 123456 → "1,234.56". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** Parses what a person types as yuan ("1,200", "35.5", "¥80.05") into integer fen; null if not money. */
export function parseYuan(text: string): number | null {
  const cleaned = text.replace(/[¥,，\s元]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', part = ''] = cleaned.split('.');
  const fen = Number(whole) * 100 + Number(part.padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}
