// The passphrase of browser mode lives only in this tab's session storage: a reload keeps the
// app unlocked, closing the browser locks it again.
const KEY = 'yishi.passphrase';
const SET_MARK = 'yishi.passphrase-set';

export const MIN_PASSPHRASE_LENGTH = 8;

export function currentPassphrase(): string | null {
  return sessionStorage.getItem(KEY);
}

export function rememberPassphrase(passphrase: string): void {
  sessionStorage.setItem(KEY, passphrase);
  localStorage.setItem(SET_MARK, '1');
}

export function forgetPassphrase(): void {
  sessionStorage.removeItem(KEY);
}

/** Whether this browser profile already has a database sealed with a passphrase. */
export function passphraseWasSet(): boolean {
  return localStorage.getItem(SET_MARK) === '1';
}

export function clearPassphraseMark(): void {
  localStorage.removeItem(SET_MARK);
}
