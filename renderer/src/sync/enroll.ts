// Exchanging a one-time enrollment code (printed by the hub's admin CLI) for this device's token.

import { isValidScope } from '#shared/domain/places/index';
import { isActorRole } from '#shared/protocol/v1';
import type { EnrollResponse } from '#shared/protocol/v1';
import { CLIENT_ERROR_MESSAGES, HubError, hubEndpoint, hubRequest } from './http';
import type { FetchLike } from './http';

export interface EnrollOptions {
  hubUrl: string;
  code: string;
  deviceName: string;
  /**
   * The id this device set itself up with and writes its documents under, when it enrols after
   * working alone: the hub accepts it as this device's author id.
   */
  localDeviceId?: string;
  fetchImpl?: FetchLike;
  timeoutMs?: number;
}

/** Enrollment's own words for the failures a person can act on (the UI translates by code). */
export const ENROLL_MESSAGES: Partial<Record<HubError['code'], string>> = {
  code_invalid: '登记码无效，请核对后重新输入。',
  code_expired: '登记码已过期，请向街道管理员重新申请。',
  code_used: '登记码已经被使用过，请向街道管理员重新申请。',
  rate_limited: '尝试次数过多，请稍后再试。',
  bad_request: '登记信息不完整，请填写设备名称和登记码。',
  network: '无法连接同步服务器，请检查服务器地址和网络连接。',
  timeout: '同步服务器响应超时，请稍后重试。',
  bad_response: '该地址不是议事同步服务器，请核对服务器地址。',
  not_found: '该地址不是议事同步服务器，请核对服务器地址。',
};

function isEnrollResponse(value: unknown): value is EnrollResponse {
  const v = value as Partial<EnrollResponse> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.deviceId === 'string' &&
    typeof v.token === 'string' &&
    v.token.length > 0 &&
    isValidScope(v.scope) &&
    isActorRole(v.role) &&
    typeof v.hubId === 'string'
  );
}

/** Checks the address the person typed: http(s) only, no credentials or fragments. */
export function normalizeHubUrl(input: string): string {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new HubError('bad_address', CLIENT_ERROR_MESSAGES.bad_address);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.hash) {
    throw new HubError('bad_address', CLIENT_ERROR_MESSAGES.bad_address);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** Enrolls this device with the hub; every failure comes back as a HubError with a Chinese message. */
export async function enrollDevice(options: EnrollOptions): Promise<EnrollResponse> {
  const hubUrl = normalizeHubUrl(options.hubUrl);
  const code = options.code.trim();
  const deviceName = options.deviceName.trim();
  if (code === '' || deviceName === '') throw new HubError('bad_request', ENROLL_MESSAGES.bad_request ?? '');
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  try {
    const body = await hubRequest<unknown>(fetchImpl, hubEndpoint(hubUrl, '/v1/devices/enroll'), {
      method: 'POST',
      body: { code, deviceName, ...(options.localDeviceId ? { localDeviceId: options.localDeviceId } : {}) },
      timeoutMs: options.timeoutMs ?? 15_000,
      // A refusal (this device's id is held by another registration) names the registration.
      hubMessage: true,
    });
    if (!isEnrollResponse(body)) throw new HubError('bad_response', ENROLL_MESSAGES.bad_response ?? '');
    return {
      deviceId: body.deviceId,
      token: body.token,
      scope: body.scope,
      role: body.role,
      hubId: body.hubId,
      ...(typeof body.epoch === 'string' ? { epoch: body.epoch } : {}),
    };
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    const message = ENROLL_MESSAGES[error.code];
    throw message ? new HubError(error.code, message, error.status) : error;
  }
}
