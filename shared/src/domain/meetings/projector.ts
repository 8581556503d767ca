import type { MeetingDoc } from '#shared/schema/index';
import { countdown, nextSpeakers, type Countdown } from './countdown';
import { secondsBetween, type LiveState, type SpeakerEntry } from './live';
import type { VoteView } from './vote-view';

// What the projector shows at a moment, decided here so that the screen only draws it: the
// agenda with the current item, the item's and the speaker's countdowns, who speaks next, and
// the vote the room is looking at (its motion beside the result).

export type AgendaRowState = 'done' | 'current' | 'pending';

export interface AgendaRow {
  readonly itemId: string;
  readonly number: number;
  readonly title: string;
  readonly minutes: number;
  readonly state: AgendaRowState;
}

export interface ProjectorView {
  readonly agenda: readonly AgendaRow[];
  /** The running item's countdown against its planned minutes. */
  readonly item?: { readonly number: number; readonly title: string; readonly clock: Countdown };
  /** The speaker's countdown against the hall's speaking time. */
  readonly speech?: { readonly name: string; readonly clock: Countdown };
  readonly next: readonly SpeakerEntry[];
  readonly vote?: VoteView;
}

/**
 * The vote on screen: one being counted; else the last of the running item; between items, the
 * last closed one, so the result stays up until the next item starts.
 */
export function projectedVote(live: Pick<LiveState, 'votes' | 'currentItem'>): VoteView | undefined {
  const open = live.votes.find((v) => !v.closed);
  if (open) return open;
  const item = live.currentItem;
  if (item) return live.votes.filter((v) => v.agendaItemId === item.itemId).at(-1);
  return live.votes
    .filter((v) => v.closed)
    .sort((a, b) => (a.closed?.at ?? '').localeCompare(b.closed?.at ?? ''))
    .at(-1);
}

export function projectorView(
  meeting: Pick<MeetingDoc, 'agenda'>,
  live: LiveState,
  now: string,
  speakerLimitSeconds: number,
): ProjectorView {
  const current = live.currentItem;
  const agenda = meeting.agenda.map((a, i): AgendaRow => ({
    itemId: a.itemId,
    number: i + 1,
    title: a.title,
    minutes: a.minutes,
    state:
      current?.itemId === a.itemId
        ? 'current'
        : live.timings.get(a.itemId)?.durationSeconds !== undefined
          ? 'done'
          : 'pending',
  }));
  const number = current ? agenda.findIndex((a) => a.itemId === current.itemId) + 1 : 0;
  const speaking = live.speaking;
  const vote = projectedVote(live);
  return {
    agenda,
    ...(current
      ? {
          item: {
            number,
            title: current.title,
            clock: countdown(secondsBetween(current.startedAt, now), current.minutes * 60),
          },
        }
      : {}),
    ...(speaking?.startedAt
      ? {
          speech: {
            name: speaking.name,
            clock: countdown(secondsBetween(speaking.startedAt, now), speakerLimitSeconds),
          },
        }
      : {}),
    next: nextSpeakers(live, 2),
    ...(vote ? { vote } : {}),
  };
}
