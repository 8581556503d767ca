import type { EnrollAtHubRequest, EnrollAtHubResult, SetHubOriginResult } from '#shared/bridge/contract';
import type { Logger } from '../log';
import { parseHubOrigin, writeHubOrigin } from '../settings';
import type { SenderContents } from './types';

// The hub origin the CSP's connect-src names. It is kept in memory so every app:// response reads
// it without touching the disk, and written to settings.json so it survives a restart. A page's
// CSP is fixed when the page loads, so the bridge reloads the caller after a change.
//
// An origin gets in only through enrollment: the page cannot reach a hub its CSP does not name,
// so the main process sends the enrollment for it, and only an origin whose hub enrolled the
// device (a token, a device id and a hub id in a 200 answer) may then be saved. A mistyped or
// hostile address never becomes a place the renderer may send residents' data to.

export interface HubOriginStore {
  /** What the CSP of the next app:// response allows; read on every request. */
  current(): string | null;
  get(): Promise<string | null>;
  /** `origin` has passed the contract's guard; it is stored in canonical form. */
  set(origin: string | null): Promise<SetHubOriginResult>;
  /** Sends an enrollment for the page; a hub that enrolls the device confirms its origin. */
  enroll(request: EnrollAtHubRequest): Promise<EnrollAtHubResult>;
}

/** One POST with a JSON body: the answer's status and text, or a thrown error when unreachable. */
export type PostJson = (url: string, body: string) => Promise<{ status: number; text: string }>;

export interface HubOriginStoreOptions {
  readonly userDataDir: string;
  /** From readSettings at start-up. */
  readonly initial: string | null;
  readonly log: Logger;
  /** How the enrollment is sent (default: fetch, 15 s). */
  readonly post?: PostJson;
}

/** A hub's answer is at most a few hundred bytes; more is not an enrollment answer. */
const MAX_ANSWER_CHARS = 16 * 1024;

export const postJson: PostJson = async (url, body) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, text: (await response.text()).slice(0, MAX_ANSWER_CHARS) };
};

/** Whether a hub's answer enrolled the device (the shape of the protocol's EnrollResponse). */
export function enrolledBy(status: number, text: string): boolean {
  if (status !== 200) return false;
  try {
    const body = JSON.parse(text) as Record<string, unknown> | null;
    const filled = (key: string) => typeof body?.[key] === 'string' && (body[key] as string).length > 0;
    return filled('token') && filled('deviceId') && filled('hubId');
  } catch {
    return false;
  }
}

export function createHubOriginStore({
  userDataDir,
  initial,
  log,
  post = postJson,
}: HubOriginStoreOptions): HubOriginStore {
  let current = initial;
  // Origins whose hub enrolled this device since the app started; only these may be saved.
  const enrolledAt = new Set<string>();
  // One write at a time, so the file and the memory always agree on the last call.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    current: () => current,
    get: async () => current,
    set: (origin) =>
      serial(async () => {
        const canonical = origin === null ? null : parseHubOrigin(origin);
        if (origin !== null && canonical === null)
          throw new Error('hub origin refused: not an http(s) origin');
        if (canonical !== null && canonical !== current && !enrolledAt.has(canonical)) {
          log.warn('hub origin refused: no enrollment there succeeded', { hubOrigin: canonical });
          return { status: 'notEnrolled', origin: current } as const;
        }
        await writeHubOrigin(userDataDir, canonical, log);
        current = canonical;
        log.info('hub origin saved', { hubOrigin: canonical });
        return { status: 'saved', origin: canonical } as const;
      }),
    async enroll(request) {
      const origin = parseHubOrigin(new URL(request.url).origin);
      const body = JSON.stringify({
        code: request.code,
        deviceName: request.deviceName,
        ...(request.localDeviceId !== undefined ? { localDeviceId: request.localDeviceId } : {}),
      });
      let answer: { status: number; text: string };
      try {
        answer = await post(request.url, body);
      } catch (error) {
        log.warn('enrollment sent for the page: no answer', { error: (error as Error).message });
        return { status: 'unreachable' };
      }
      if (origin !== null && enrolledBy(answer.status, answer.text)) {
        enrolledAt.add(origin);
        log.info('enrolled at hub', { hubOrigin: origin });
      }
      return { status: 'answered', httpStatus: answer.status, body: answer.text };
    },
  };
}

/**
 * Reloads the page after the current IPC reply has gone out, so the caller receives its result
 * first and the reloaded page gets the new CSP.
 */
export function reloadSoon(contents: Pick<SenderContents, 'reload' | 'isDestroyed'>): void {
  setTimeout(() => {
    if (!contents.isDestroyed()) contents.reload();
  }, 0);
}
