// The handling part of one work-order row: dispatch, handling unit, deadline, completion, result
// and the city's call-back, each refused with the cell's own text when it cannot be read.
import type { HotlineCallbackResult, HotlineResponse } from '#shared/domain/vocab';
import type { HotlineField } from './fields';
import { callbackResultOf, resolvedOf, responseOf } from './handling';
import { parseDue, parseHotlineTime } from './values';

export interface HandlingFacts {
  readonly dueAt?: string;
  readonly hotlineDispatchedAt?: string;
  readonly hotlineUnit?: string;
  readonly hotlineFinishedAt?: string;
  readonly hotlineResult?: string;
  readonly hotlineResolved?: boolean;
  readonly hotlineCallback?: HotlineCallbackResult;
  readonly hotlineResponse?: HotlineResponse;
}

const UNIT_LIMIT = 200;
const TEXT_LIMIT = 4000;

/**
 * Reads the handling cells of a row whose receipt time is known. `fail` records a refusal for a
 * field; the facts returned leave out whatever was refused.
 */
export function readHandling(
  cell: (field: HotlineField) => string,
  receivedAt: string,
  fail: (field: HotlineField, message: string) => void,
): HandlingFacts {
  const facts: { -readonly [K in keyof HandlingFacts]: HandlingFacts[K] } = {};

  const dispatchedText = cell('dispatchedAt');
  const dispatchedAt = parseHotlineTime(dispatchedText);
  if (dispatchedText !== '' && !dispatchedAt)
    fail('dispatchedAt', `无法识别的派单时间“${dispatchedText}”（例如 2026-03-01 10:00）`);
  else if (dispatchedAt && dispatchedAt < receivedAt) fail('dispatchedAt', '派单时间早于受理时间');
  else if (dispatchedAt) facts.hotlineDispatchedAt = dispatchedAt;

  // The city counts the time allowed from dispatch; without a dispatch time, from receipt.
  const due = parseDue(cell('dueAt'), facts.hotlineDispatchedAt ?? receivedAt);
  if (due === null)
    fail('dueAt', `无法识别的办理时限“${cell('dueAt')}”（例如 2026-03-05 18:00、3个工作日 或 5）`);
  else if (due !== undefined && due < receivedAt) fail('dueAt', '办理时限早于受理时间');
  else if (due !== undefined) facts.dueAt = due;

  const finishedText = cell('finishedAt');
  const finishedAt = parseHotlineTime(finishedText);
  if (finishedText !== '' && !finishedAt)
    fail('finishedAt', `无法识别的办结时间“${finishedText}”（例如 2026-03-03 16:00）`);
  else if (finishedAt && finishedAt < receivedAt) fail('finishedAt', '办结时间早于受理时间');
  else if (finishedAt) facts.hotlineFinishedAt = finishedAt;

  const unit = cell('unit');
  if (unit.length > UNIT_LIMIT) fail('unit', `承办单位超过 ${UNIT_LIMIT} 字`);
  else if (unit !== '') facts.hotlineUnit = unit;

  const result = cell('result');
  if (result.length > TEXT_LIMIT) fail('result', `办理结果超过 ${TEXT_LIMIT} 字`);
  else if (result !== '') facts.hotlineResult = result;

  const resolved = resolvedOf(cell('resolved'));
  if (resolved === null) fail('resolved', `无法识别的是否解决“${cell('resolved')}”（应为 是 或 否）`);
  else if (resolved !== undefined) facts.hotlineResolved = resolved;

  const callback = callbackResultOf(cell('callback'));
  if (callback === null)
    fail('callback', `无法识别的回访结果“${cell('callback')}”（应为满意、基本满意、不满意或未联系上）`);
  else if (callback !== undefined) facts.hotlineCallback = callback;

  const response = responseOf(cell('response'));
  if (response === null)
    fail('response', `无法识别的响应情况“${cell('response')}”（应为及时响应、超时响应或未响应）`);
  else if (response !== undefined) facts.hotlineResponse = response;

  return facts;
}
