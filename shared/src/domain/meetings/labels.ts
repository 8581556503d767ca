import type { MeetingKind, StakeholderKind, TaskPartyKind } from '#shared/domain/vocab';

// Chinese names used in generated texts (minutes, notices, the guide). The renderer has its own
// i18n strings for the UI; these are the words of the documents themselves.

export const MEETING_KIND_LABELS: Readonly<Record<MeetingKind, string>> = {
  courtyardMeeting: '楼院议事会',
  communityHall: '社区议事厅',
  streetNeedsHearing: '街道共商共治问需会',
  streetPolicyHearing: '街道共商共治问政会',
  weeklySeries: '每周一议',
};

export const STAKEHOLDER_KIND_LABELS: Readonly<Record<StakeholderKind, string>> = {
  resident: '居民',
  residentRep: '居民代表',
  leader: '门楼院长',
  organization: '单位组织',
  streetDept: '街道科室',
  expert: '专家',
};

export const PARTY_KIND_LABELS: Readonly<Record<TaskPartyKind, string>> = {
  propertyCompany: '物业服务企业',
  propertyRightsUnit: '产权单位',
  socialOrg: '社区社会组织',
  streetDept: '街道科室',
  residentUnit: '驻区单位',
  ownersCommittee: '业委会',
  selfHelpTeam: '居民自治小组',
};

const CN_NUMBERS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 25 → 二十五 (agenda numbering in documents). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_NUMBERS[n] ?? String(n);
  if (n < 20) return `十${CN_NUMBERS[n - 10] ?? ''}`;
  if (n < 100)
    return `${CN_NUMBERS[Math.floor(n / 10)] ?? ''}十${n % 10 === 0 ? '' : (CN_NUMBERS[n % 10] ?? '')}`;
  return String(n);
}

// Dates in meeting papers are Beijing dates; the one formatter lives with the calendar.
export { chineseDate, chineseDateTime } from '../calendar/beijing-text';

/** 3分20秒 / 45秒 */
export function chineseDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m === 0) return `${s}秒`;
  return s === 0 ? `${m}分钟` : `${m}分${s}秒`;
}
