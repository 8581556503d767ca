import type { LiveState, SpeakerEntry } from './live';

// What the projector shows of the time: a countdown of what is left, and once over, how far over
// in words as well as in colour (a colour-blind resident in the last row must read it too).

export interface Countdown {
  readonly overrun: boolean;
  /** Seconds left, or seconds over once overrun. */
  readonly seconds: number;
  /** 剩余 02:15 / 超时 00:40 */
  readonly text: string;
}

/** mm:ss of whole seconds. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function countdown(elapsedSeconds: number, limitSeconds: number): Countdown {
  const left = limitSeconds - Math.floor(elapsedSeconds);
  return left >= 0
    ? { overrun: false, seconds: left, text: `剩余 ${clockText(left)}` }
    : { overrun: true, seconds: -left, text: `超时 ${clockText(-left)}` };
}

/** The speakers waiting, in the order they will be called, at most `count`. */
export function nextSpeakers(live: Pick<LiveState, 'speakers'>, count: number): SpeakerEntry[] {
  return live.speakers.filter((s) => s.state === 'queued').slice(0, count);
}
