// What the hub and the sync client report, in the person's language. Failures travel as codes
// (the hub's ErrorCode, the client's own); the Chinese words are the ones the sync modules already
// carry, so there is one Chinese text per code, and the English ones are here.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ERROR_MESSAGES, type ErrorCode } from '#shared/protocol/v1';
import { addStrings, dataKey } from '../../kit/i18n';
import {
  CLIENT_ERROR_MESSAGES,
  ENROLL_MESSAGES,
  HubError,
  type ClientErrorCode,
  type SyncStatus,
} from '../../sync';

type Code = ErrorCode | ClientErrorCode;

const zh = {
  sync: { ...ERROR_MESSAGES, ...CLIENT_ERROR_MESSAGES } as Record<Code, string>,
  enroll: { ...ENROLL_MESSAGES, bad_address: CLIENT_ERROR_MESSAGES.bad_address } as Partial<
    Record<Code, string>
  >,
};

const en: typeof zh = {
  sync: {
    bad_json: 'The request is not valid JSON.',
    bad_request: 'The request is malformed.',
    unknown_collection: 'No such collection.',
    unauthorized: 'This device is not enrolled or its token is invalid; enroll it again.',
    revoked: 'The street administrator has revoked this device; its local data will be wiped.',
    forbidden: 'Not allowed.',
    too_large: 'The request is too large.',
    code_invalid: 'The enrollment code is invalid; check it and try again.',
    code_expired: 'The enrollment code has expired; ask the street administrator for a new one.',
    code_used: 'The enrollment code was already used; ask the street administrator for a new one.',
    not_found: 'The address does not exist.',
    method_not_allowed: 'This request method is not supported.',
    rate_limited: 'Too many attempts; try again later.',
    unavailable: 'The sync service is shutting down; try again shortly.',
    internal: 'The sync service had an internal error; try again shortly.',
    attachment_mismatch: 'The photo does not match its record; sync the record first.',
    network: 'Cannot reach the sync server; check the network and the server address.',
    timeout: 'The sync server did not answer in time; try again later.',
    bad_response: 'The sync server answered something unreadable; check the server address.',
    server: 'The sync server is unavailable for now; try again later.',
    stopped: 'Sync has stopped.',
    bad_address: 'The server address is not valid, e.g. http://192.168.1.10:8787',
    wrong_hub: 'This server is not the one this device enrolled with; check the server address.',
  },
  enroll: {
    code_invalid: 'The enrollment code is invalid; check it and type it again.',
    code_expired: 'The enrollment code has expired; ask the street administrator for a new one.',
    code_used: 'The enrollment code was already used; ask the street administrator for a new one.',
    rate_limited: 'Too many attempts; try again later.',
    bad_request: 'Enter the device name and the enrollment code.',
    network: 'Cannot reach the sync server; check the server address and the network.',
    timeout: 'The sync server did not answer in time; try again later.',
    bad_response: 'This address is not a Yishi sync server; check it.',
    not_found: 'This address is not a Yishi sync server; check it.',
    bad_address: 'The server address is not valid, e.g. http://192.168.1.10:8787',
  },
};

addStrings('hubErrors', zh, en);

declare module '../../kit/i18n' {
  interface YishiResources {
    hubErrors: typeof zh;
  }
}

/**
 * The words for a failure from the hub or the sync client, by its code and where it happened
 * (enrollment says more about the code a person typed); in Chinese, and for anything without a
 * code, the error's own message.
 */
export function useHubErrorText(): (error: unknown, during?: 'sync' | 'enroll') => string {
  const { t, i18n } = useTranslation('hubErrors');
  return useCallback(
    (error: unknown, during: 'sync' | 'enroll' = 'sync') => {
      if (!(error instanceof HubError)) return error instanceof Error ? error.message : String(error);
      // In Chinese the error's own message is the most specific (the hub may say more than its code).
      if (i18n.language.startsWith('zh')) return error.message;
      const key = `${during}.${error.code}`;
      return i18n.exists(key, { ns: 'hubErrors' }) ? t(dataKey<'hubErrors'>(key)) : error.message;
    },
    [t, i18n],
  );
}

/** The status bar's error in the person's language: by its code, or as the client said it. */
export function useStatusErrorText(): (status: SyncStatus) => string | undefined {
  const { t, i18n } = useTranslation('hubErrors');
  return useCallback(
    (status: SyncStatus) => {
      if (status.error === undefined || status.errorCode === undefined) return status.error;
      if (i18n.language.startsWith('zh')) return status.error;
      return t(`sync.${status.errorCode}`);
    },
    [t, i18n],
  );
}
