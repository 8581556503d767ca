import { beijingDate, chineseDate, chineseDateTime } from '#shared/domain/calendar/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { liveState } from './live';
import { openItems } from './series';

// Steps that cannot be taken back are confirmed first; these say what the confirmation shows.

export interface UnfinishedBusiness {
  /** Names of speakers still waiting their turn, the one speaking first. */
  readonly speakers: readonly string[];
  /** Agenda items with neither a decision nor a closed vote, with why ("表决未结束" …). */
  readonly items: readonly { readonly title: string; readonly reason: string }[];
  /** Motions of votes opened and not closed. */
  readonly openVotes: readonly string[];
}

/** What 散会 would leave undone; empty lists mean nothing is left open. */
export function unfinishedBusiness(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
): UnfinishedBusiness {
  const live = liveState(meeting, records);
  return {
    speakers: [
      ...(live.speaking ? [live.speaking.name] : []),
      ...live.speakers.filter((s) => s.state === 'queued').map((s) => s.name),
    ],
    items: openItems(meeting, records).map(({ item, reason }) => ({
      title: item.title,
      reason: reason === '上次会议未议及' ? '未议及' : reason,
    })),
    openVotes: live.votes.filter((v) => !v.closed).map((v) => v.motion ?? '（未写表决事项）'),
  };
}

export const nothingUnfinished = (u: UnfinishedBusiness): boolean =>
  u.speakers.length === 0 && u.items.length === 0 && u.openVotes.length === 0;

/**
 * Whether starting at `at` is earlier than the day the meeting was called for (Beijing dates),
 * and the question to ask before doing so.
 */
export function earlyStart(
  meeting: MeetingDoc,
  at: string,
): { readonly early: boolean; readonly question: string } {
  const early = beijingDate(at) < beijingDate(meeting.startsAt);
  return {
    early,
    question: early ? `本次会议定于${chineseDateTime(meeting.startsAt)}召开，确定现在提前开始吗？` : '',
  };
}

/** 纪要批准人：李主任（2026年3月10日）; empty until the minutes are approved by a named person. */
export function approvalLine(meeting: MeetingDoc): string {
  if (meeting.minutesApprovedAt === undefined || meeting.minutesApproverName === undefined) return '';
  return `纪要批准人：${meeting.minutesApproverName}（${chineseDate(meeting.minutesApprovedAt)}批准）`;
}

/**
 * The place whose people a roster is drawn from: a courtyard meeting held at a courtyard's own
 * venue (议事角) draws on that courtyard, not the whole community; otherwise the meeting's place.
 */
export function rosterPlace(meeting: MeetingDoc, venueScope: string | undefined): string {
  if (meeting.kind !== 'courtyardMeeting' || venueScope === undefined) return meeting.scope;
  const courtyard = venueScope.split('.').slice(0, -1).join('.');
  return courtyard.startsWith(`${meeting.scope}.`) ? courtyard : meeting.scope;
}
