import type {
  CallbackOutcome,
  DemandSource,
  DemandType,
  Level,
  PartyState,
  TaskClassification,
} from '#shared/domain/vocab';
import { beijingWallClock, chineseDate } from '#shared/domain/calendar/index';

// Words the write-up is composed of. Kept with the generator: the text reads as a community
// worker would write it, not as UI labels.

export const TYPE_WORDS: Readonly<Record<DemandType, string>> = {
  inquiry: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
};

export const SOURCE_WORDS: Readonly<Record<DemandSource, string>> = {
  hotline: '12345热线',
  visit: '入户走访',
  courtyardMeeting: '楼院议事',
  hall: '社区议事厅',
  phone: '电话',
  other: '其他渠道',
};

export const LEVEL_WORDS: Readonly<Record<Level, string>> = {
  courtyard: '院落',
  community: '社区',
  street: '街道',
};

export const CLASSIFICATION_WORDS: Readonly<Record<TaskClassification, string>> = {
  individual: '个别性',
  common: '普遍性',
  chronic: '老大难',
};

export const PARTY_STATE_WORDS: Readonly<Record<PartyState, string>> = {
  pending: '待接单',
  accepted: '已接单',
  declined: '不属于职责',
  redirected: '已转交',
  finished: '已完成',
};

export const CALLBACK_WORDS: Readonly<Record<CallbackOutcome, string>> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
};

/** 2026-03-05T…Z → 2026年3月5日 (Beijing date): the calendar's one Chinese date. */
export const dateWords = chineseDate;

/** 2026-03-05T…Z → 2026年3月 (Beijing month). */
export function monthWords(iso: string): string {
  const c = beijingWallClock(iso);
  return c ? `${c.year}年${c.month}月` : iso;
}

/** Counts as "投诉 3 件、建议 1 件", largest first, ties in the order given. */
export function countWords<K extends string>(
  keys: readonly K[],
  words: Readonly<Record<K, string>>,
  unit: string,
): string {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `${words[key]} ${n} ${unit}`)
    .join('、');
}

export const percent = (rate: number | null): string =>
  rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
