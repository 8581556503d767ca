// The one narrow bridge between the renderer and the Electron main process (`window.yishi`).
// The preload builds its methods from BRIDGE_CONTRACT and the main process registers one IPC
// handler per entry, validating every argument with the same guards, so the two sides cannot
// drift. Documents never travel over this bridge: only the bytes of a file the person chose to
// open or save, a few secrets, the hub origin, and small commands.

/** Name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'yishi';

export const SECRET_NAME_PATTERN = /^[a-z][a-z0-9.-]{0,63}$/;
/** Upper bound for a secret value (device key, hub token): they are short strings. */
export const MAX_SECRET_CHARS = 8192;
/** Upper bound for file bytes crossing IPC (Excel imports, backups, PDFs). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
export const MAX_FILE_NAME_CHARS = 200;
export const MAX_FILTERS = 10;
export const MAX_EXTENSIONS_PER_FILTER = 20;
export const MAX_FILTER_NAME_CHARS = 100;
export const MAX_DIALOG_TITLE_CHARS = 200;
export const MAX_ROUTE_CHARS = 200;
/** Upper bound for the hub origin, e.g. 'http://192.168.10.5:8787'. */
export const MAX_HUB_ORIGIN_CHARS = 200;
/** Enrollment: the hub's address with its path, the one-time code, the device's name and id. */
export const MAX_ENROLL_URL_CHARS = 300;
export const MAX_ENROLL_CODE_CHARS = 64;
export const MAX_DEVICE_NAME_CHARS = 100;
export const MAX_LOCAL_DEVICE_ID_CHARS = 100;
/** The path every enrollment goes to, below the hub's address. */
export const ENROLL_PATH = '/v1/devices/enroll';

const EXTENSION_PATTERN = /^(?:\*|[A-Za-z0-9]{1,16})$/;
// A route is a renderer path such as `/projector/meeting/m-123`: no dots, so no `..` either.
const ROUTE_PATTERN = /^\/(?:[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*)?$/;
// Control characters and the characters Windows refuses in file names (also path separators).
// eslint's no-control-regex would flag a regex literal, so the set is spelled out as code points.
const FORBIDDEN_NAME_CHARS = new Set(['<', '>', ':', '"', '/', '\\', '|', '?', '*']);
// `scheme://host[:port]` and nothing after it: the host part is checked further below. No IPv6
// literals: CSP source expressions cannot name them, so connect-src could never allow one.
const HUB_ORIGIN_PATTERN = /^https?:\/\/([A-Za-z0-9.-]+)(?::([0-9]{1,5}))?$/i;
const DNS_LABEL_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

// ---- Argument and result types -------------------------------------------------------------

export interface FileFilter {
  /** Shown in the dialog, e.g. 'Excel 工作簿'. */
  readonly name: string;
  /** Without dots, e.g. ['xlsx', 'xls']; '*' for all files. */
  readonly extensions: readonly string[];
}

export interface OpenFileOptions {
  readonly title?: string;
  readonly filters: readonly FileFilter[];
}

export type OpenFileResult =
  | { readonly status: 'canceled' }
  /** `name` is the base name only: the renderer never learns file-system paths. */
  | { readonly status: 'opened'; readonly name: string; readonly data: Uint8Array }
  | { readonly status: 'tooLarge'; readonly name: string; readonly size: number; readonly limit: number };

export interface SaveFileOptions {
  readonly suggestedName: string;
  readonly data: Uint8Array;
  readonly filters: readonly FileFilter[];
}

export type SaveFileResult =
  { readonly status: 'canceled' } | { readonly status: 'saved'; readonly name: string };

export type PrintResult =
  | { readonly status: 'printed' }
  | { readonly status: 'canceled' }
  | { readonly status: 'failed'; readonly reason: string };

export interface PrintToPdfOptions {
  readonly suggestedName: string;
}

export type SetSecretResult = { readonly status: 'stored' } | { readonly status: 'unavailable' };

/** `origin` is the saved origin in canonical form (lower case, default port dropped), or null. */
export interface SetHubOriginResult {
  /** notEnrolled: no enrollment at this origin succeeded through the main process; nothing changed. */
  readonly status: 'saved' | 'notEnrolled';
  readonly origin: string | null;
}

/**
 * The one request the main process sends to a hub for the page: the enrollment, which the page
 * cannot send itself before the CSP names the hub. `url` is the hub's address with ENROLL_PATH.
 */
export interface EnrollAtHubRequest {
  readonly url: string;
  readonly code: string;
  readonly deviceName: string;
  readonly localDeviceId?: string;
}

/** The hub's answer as it came (the page reads it as any hub answer), or no answer at all. */
export type EnrollAtHubResult =
  | { readonly status: 'answered'; readonly httpStatus: number; readonly body: string }
  | { readonly status: 'unreachable' };

/** Where the desktop app's self-update stands (browser mode has none: 'unavailable'). */
export type UpdateStatus =
  | { readonly state: 'unavailable' }
  | { readonly state: 'none' }
  | { readonly state: 'downloading'; readonly version: string }
  | { readonly state: 'ready'; readonly version: string }
  | { readonly state: 'failed'; readonly reason: string };

/** What each bridge method resolves to; the keys are the method names on `window.yishi`. */
export interface BridgeResults {
  openFile: OpenFileResult;
  saveFile: SaveFileResult;
  print: PrintResult;
  printToPdf: SaveFileResult;
  getSecret: string | null;
  setSecret: SetSecretResult;
  deleteSecret: void;
  appVersion: string;
  openProjector: void;
  getHubOrigin: string | null;
  setHubOrigin: SetHubOriginResult;
  enrollAtHub: EnrollAtHubResult;
  checkForUpdate: UpdateStatus;
  installUpdate: void;
}

export type BridgeMethod = keyof BridgeResults;

// ---- Guards ---------------------------------------------------------------------------------

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Rejects unknown keys so nothing unexpected rides along with a valid call. */
function hasOnlyKeys(value: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

function isBoundedString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function hasControlChar(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export function isFileName(value: unknown): value is string {
  if (!isBoundedString(value, MAX_FILE_NAME_CHARS)) return false;
  if (value.trim() !== value || value === '.' || value === '..' || value.endsWith('.')) return false;
  if (hasControlChar(value)) return false;
  return ![...value].some((char) => FORBIDDEN_NAME_CHARS.has(char));
}

export function isFileFilter(value: unknown): value is FileFilter {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['name', 'extensions'])) return false;
  const { name, extensions } = value;
  if (!isBoundedString(name, MAX_FILTER_NAME_CHARS) || hasControlChar(name)) return false;
  return (
    Array.isArray(extensions) &&
    extensions.length > 0 &&
    extensions.length <= MAX_EXTENSIONS_PER_FILTER &&
    extensions.every((ext) => typeof ext === 'string' && EXTENSION_PATTERN.test(ext))
  );
}

export function isFileFilters(value: unknown): value is readonly FileFilter[] {
  return Array.isArray(value) && value.length <= MAX_FILTERS && value.every(isFileFilter);
}

export function isOpenFileOptions(value: unknown): value is OpenFileOptions {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['title', 'filters'])) return false;
  const titleOk =
    value.title === undefined ||
    (isBoundedString(value.title, MAX_DIALOG_TITLE_CHARS) && !hasControlChar(value.title));
  return titleOk && isFileFilters(value.filters);
}

export function isFileBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.byteLength <= MAX_FILE_BYTES;
}

export function isSaveFileOptions(value: unknown): value is SaveFileOptions {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['suggestedName', 'data', 'filters'])) return false;
  return isFileName(value.suggestedName) && isFileBytes(value.data) && isFileFilters(value.filters);
}

export function isPrintToPdfOptions(value: unknown): value is PrintToPdfOptions {
  return isPlainObject(value) && hasOnlyKeys(value, ['suggestedName']) && isFileName(value.suggestedName);
}

export function isSecretName(value: unknown): value is string {
  return typeof value === 'string' && SECRET_NAME_PATTERN.test(value);
}

export function isSecretValue(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_SECRET_CHARS;
}

export function isRoute(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ROUTE_CHARS && ROUTE_PATTERN.test(value);
}

// Strict dotted decimal only: URL parsers read hex, octal and short forms as IPv4 too, so a host
// whose last label looks numeric must be a plain a.b.c.d address or it is refused.
function isIpv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

function isHubHost(host: string): boolean {
  const labels = host.split('.');
  const last = labels.at(-1) ?? '';
  if (/^(?:[0-9]+|0x[0-9a-f]*)$/i.test(last)) return isIpv4(host);
  return labels.every((label) => DNS_LABEL_PATTERN.test(label));
}

/**
 * An http(s) origin the CSP's connect-src may name: scheme, host (DNS name or IPv4) and an
 * optional port; no credentials, path (not even '/'), query or fragment.
 */
export function isHubOrigin(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_HUB_ORIGIN_CHARS) return false;
  const match = HUB_ORIGIN_PATTERN.exec(value);
  if (!match) return false;
  const [, host = '', port] = match;
  return isHubHost(host) && (port === undefined || Number(port) <= 65535);
}

const isShortText = (value: unknown, max: number): value is string =>
  isBoundedString(value, max) && !hasControlChar(value);

// The hub's origin, an optional path prefix of plain segments, then ENROLL_PATH; nothing after.
const ENROLL_URL_PATTERN =
  /^(https?:\/\/[^/?#@\s]+)((?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*)\/v1\/devices\/enroll$/i;

/** An http(s) enrollment address: a hub origin, an optional path prefix, then ENROLL_PATH. */
export function isEnrollUrl(value: unknown): value is string {
  if (!isShortText(value, MAX_ENROLL_URL_CHARS)) return false;
  const match = ENROLL_URL_PATTERN.exec(value);
  return match !== null && isHubOrigin(match[1]);
}

export function isEnrollAtHubRequest(value: unknown): value is EnrollAtHubRequest {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['url', 'code', 'deviceName', 'localDeviceId']))
    return false;
  return (
    isEnrollUrl(value.url) &&
    isShortText(value.code, MAX_ENROLL_CODE_CHARS) &&
    isShortText(value.deviceName, MAX_DEVICE_NAME_CHARS) &&
    (value.localDeviceId === undefined || isShortText(value.localDeviceId, MAX_LOCAL_DEVICE_ID_CHARS))
  );
}

// ---- The contract -------------------------------------------------------------------------

/** One IPC channel: its name and a guard over the whole argument list (arity included). */
export interface ChannelSpec<Args extends readonly unknown[]> {
  readonly channel: string;
  readonly validate: (args: readonly unknown[]) => args is Args;
}

function spec<Args extends readonly unknown[]>(
  channel: string,
  validate: (args: readonly unknown[]) => boolean,
): ChannelSpec<Args> {
  return { channel, validate: validate as (args: readonly unknown[]) => args is Args };
}

const none = (args: readonly unknown[]): boolean => args.length === 0;
const one =
  (guard: (value: unknown) => boolean) =>
  (args: readonly unknown[]): boolean =>
    args.length === 1 && guard(args[0]);

export const BRIDGE_CONTRACT = {
  openFile: spec<[options: OpenFileOptions]>('dialog:openFile', one(isOpenFileOptions)),
  saveFile: spec<[options: SaveFileOptions]>('dialog:saveFile', one(isSaveFileOptions)),
  print: spec<[]>('print:page', none),
  printToPdf: spec<[options: PrintToPdfOptions]>('print:pdf', one(isPrintToPdfOptions)),
  getSecret: spec<[name: string]>('secrets:get', one(isSecretName)),
  setSecret: spec<[name: string, value: string]>(
    'secrets:set',
    (args) => args.length === 2 && isSecretName(args[0]) && isSecretValue(args[1]),
  ),
  deleteSecret: spec<[name: string]>('secrets:delete', one(isSecretName)),
  appVersion: spec<[]>('app:version', none),
  openProjector: spec<[route: string]>('window:openProjector', one(isRoute)),
  getHubOrigin: spec<[]>('hub:getOrigin', none),
  /**
   * null clears the hub; an origin is taken only after an enrollment there succeeded through
   * enrollAtHub. The main process reloads the calling page once this resolves.
   */
  setHubOrigin: spec<[origin: string | null]>(
    'hub:setOrigin',
    one((value) => value === null || isHubOrigin(value)),
  ),
  /** Sends the enrollment from the main process; a hub that enrolls the device confirms its origin. */
  enrollAtHub: spec<[request: EnrollAtHubRequest]>('hub:enroll', one(isEnrollAtHubRequest)),
  /** Asks the hub for a newer version; a found one downloads in the background. */
  checkForUpdate: spec<[]>('update:check', none),
  /** Restarts into the downloaded version (only when the person chose 立即重启更新). */
  installUpdate: spec<[]>('update:install', none),
} as const satisfies { readonly [M in BridgeMethod]: ChannelSpec<readonly unknown[]> };

export type BridgeContract = typeof BRIDGE_CONTRACT;

export type BridgeArgs<M extends BridgeMethod> =
  BridgeContract[M] extends ChannelSpec<infer Args> ? Args : never;

/** The object the preload exposes as `window.yishi`. */
export type YishiBridge = {
  readonly [M in BridgeMethod]: (...args: BridgeArgs<M>) => Promise<BridgeResults[M]>;
};

export const BRIDGE_METHODS = Object.keys(BRIDGE_CONTRACT) as readonly BridgeMethod[];

/** Message used by both sides when a call's arguments fail the contract. */
export function invalidArgumentsMessage(method: BridgeMethod): string {
  return `yishi.${method}: invalid arguments (refused by the bridge contract)`;
}
