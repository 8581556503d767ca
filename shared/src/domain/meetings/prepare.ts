import type { MeetingKind, VoteBase, VoteRule } from '#shared/domain/vocab';
import type { AgendaItem, MeetingDoc, RosterEntry, TopicDoc } from '#shared/schema/index';

// Preparing a meeting: the default rules of each kind, an agenda built from topics with timed
// items, and checks of the draft before the notice goes out.

export interface KindDefaults {
  readonly quorumNumerator: number;
  readonly quorumDenominator: number;
  readonly defaultRule: VoteRule;
  readonly defaultBase: VoteBase;
  readonly proxyLimit: number;
  readonly minutesPerTopic: number;
}

/** Courtyard and community meetings decide by two thirds present and a majority; hearings consult. */
export const KIND_DEFAULTS: Readonly<Record<MeetingKind, KindDefaults>> = {
  courtyardMeeting: {
    quorumNumerator: 2,
    quorumDenominator: 3,
    defaultRule: 'simpleMajority',
    defaultBase: 'entitled',
    proxyLimit: 1,
    minutesPerTopic: 30,
  },
  communityHall: {
    quorumNumerator: 2,
    quorumDenominator: 3,
    defaultRule: 'twoThirds',
    defaultBase: 'entitled',
    proxyLimit: 1,
    minutesPerTopic: 40,
  },
  streetNeedsHearing: {
    quorumNumerator: 1,
    quorumDenominator: 2,
    defaultRule: 'consensus',
    defaultBase: 'present',
    proxyLimit: 0,
    minutesPerTopic: 45,
  },
  streetPolicyHearing: {
    quorumNumerator: 1,
    quorumDenominator: 2,
    defaultRule: 'consensus',
    defaultBase: 'present',
    proxyLimit: 0,
    minutesPerTopic: 45,
  },
  weeklySeries: {
    quorumNumerator: 1,
    quorumDenominator: 2,
    defaultRule: 'simpleMajority',
    defaultBase: 'present',
    proxyLimit: 1,
    minutesPerTopic: 15,
  },
};

/** Agenda items for topics not yet on the agenda, each with the kind's usual time. */
export function agendaFromTopics(
  agenda: readonly AgendaItem[],
  topics: readonly Pick<TopicDoc, 'id' | 'title'>[],
  minutes: number,
  newItemId: (index: number) => string,
): AgendaItem[] {
  const fresh = topics.filter((t) => !agenda.some((a) => a.topicId === t.id));
  return [
    ...agenda,
    ...fresh.map((t, i) => ({ itemId: newItemId(i), topicId: t.id, title: t.title, minutes })),
  ];
}

/** Adds people to the roster once each; a person already on it keeps their entry. */
export function addToRoster(roster: readonly RosterEntry[], people: readonly RosterEntry[]): RosterEntry[] {
  const out = [...roster];
  for (const p of people) if (!out.some((r) => r.personId === p.personId)) out.push(p);
  return out;
}

export function agendaMinutes(agenda: readonly AgendaItem[]): number {
  return agenda.reduce((sum, a) => sum + a.minutes, 0);
}

/** What still stands in the way of sending the notice, in Chinese (empty when ready). */
export function preparationProblems(meeting: MeetingDoc): string[] {
  const problems: string[] = [];
  if (meeting.title.trim() === '') problems.push('会议名称不能为空');
  if (meeting.agenda.length === 0) problems.push('议程为空，请从议题添加议程');
  if (meeting.agenda.some((a) => a.title.trim() === '')) problems.push('有议程没有标题');
  if (!meeting.roster.some((r) => r.entitled)) problems.push('应到人员名单为空');
  if (meeting.venueId === undefined) problems.push('尚未选择会议地点');
  if (agendaMinutes(meeting.agenda) > meeting.durationMinutes)
    problems.push(`议程合计 ${agendaMinutes(meeting.agenda)} 分钟，超过会期 ${meeting.durationMinutes} 分钟`);
  return problems;
}
