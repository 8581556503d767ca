// Why a command did not run, in Chinese, for the person at the screen. A refusal writes nothing.

export interface Refusal {
  readonly ok: false;
  readonly message: string;
}

export const refuse = (message: string): Refusal => ({ ok: false, message });

/** What a command returns: accepted with its result (usually a Change), or refused. */
export type Decided<T extends object> = ({ readonly ok: true } & T) | Refusal;

/** The result of an action that either happened or was refused (the screen shows the message). */
export type Outcome = { readonly ok: true } | Refusal;

export const DONE: Outcome = { ok: true };

/** The message a dialog shows for an outcome (undefined: it happened). */
export const messageOf = (outcome: Outcome): string | undefined => (outcome.ok ? undefined : outcome.message);
