// Reading the 12345 system's handling results of one work order: 是否解决, 回访结果 and 响应情况
// in the words the city's exports use. Each reader gives `undefined` for an empty cell and `null`
// for a value it cannot read, so the row can be refused with the cell's own text.
import type { HotlineCallbackResult, HotlineResponse } from '#shared/domain/vocab';

const clean = (text: string) => text.replace(/[\s\u3000]/g, '');

/** 是否解决: 是/已解决/解决 → true; 否/未解决/部分解决 → false. */
export function resolvedOf(text: string): boolean | undefined | null {
  const value = clean(text);
  if (value === '') return undefined;
  if (/^(是|已解决|解决|已办结解决|true|yes|y)$/i.test(value)) return true;
  if (/^(否|未解决|没解决|没有解决|部分解决|不解决|false|no|n)$/i.test(value)) return false;
  return null;
}

/** 回访结果: 满意/基本满意/不满意/未联系上 (with the spellings exports use for each). */
export function callbackResultOf(text: string): HotlineCallbackResult | undefined | null {
  const value = clean(text);
  if (value === '') return undefined;
  if (/^(基本满意|比较满意|较满意)$/.test(value)) return 'basicallySatisfied';
  if (/^(不满意|非常不满意|很不满意)$/.test(value)) return 'unsatisfied';
  if (/^(满意|非常满意|很满意)$/.test(value)) return 'satisfied';
  if (/^(未联系上|未联系到|联系不上|无法联系|未接通|无人接听|拒绝回访|未回访成功)$/.test(value))
    return 'unreachable';
  return null;
}

/** 响应情况: 及时响应 (or 已响应, 按时响应), 超时响应, 未响应. */
export function responseOf(text: string): HotlineResponse | undefined | null {
  const value = clean(text);
  if (value === '') return undefined;
  if (/^(及时响应|按时响应|已响应|响应及时|及时|是)$/.test(value)) return 'inTime';
  if (/^(超时响应|响应超时|逾期响应|延时响应|超时)$/.test(value)) return 'late';
  if (/^(未响应|没有响应|无响应|否)$/.test(value)) return 'none';
  return null;
}

export const CALLBACK_RESULT_LABELS: Readonly<Record<HotlineCallbackResult, string>> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
  unreachable: '未联系上',
};

export const RESPONSE_LABELS: Readonly<Record<HotlineResponse, string>> = {
  inTime: '及时响应',
  late: '超时响应',
  none: '未响应',
};
