import type { AgendaItem, MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { liveState } from './live';

// 每周一议 and other series: an item the last session did not settle — never taken up, a vote
// that did not pass, or no decision recorded — carries over to the next session of the series.

export interface OpenItem {
  readonly item: AgendaItem;
  readonly reason: string;
}

export function openItems(meeting: MeetingDoc, records: readonly MeetingRecordDoc[]): OpenItem[] {
  const live = liveState(meeting, records);
  return meeting.agenda.flatMap((item) => {
    if (live.decisions.some((d) => d.agendaItemId === item.itemId)) return [];
    const votes = live.votes.filter((v) => v.agendaItemId === item.itemId);
    const timing = live.timings.get(item.itemId);
    const reason =
      votes.length > 0 && votes.every((v) => v.closed && !v.closed.passed)
        ? '表决未通过'
        : votes.some((v) => !v.closed)
          ? '表决未结束'
          : timing === undefined
            ? '上次会议未议及'
            : '未形成议定事项';
    return [{ item, reason }];
  });
}

export interface NextSessionInput {
  readonly id: string;
  readonly startsAt: string;
  readonly at: string;
  readonly by: string;
  /** New agenda item ids, one per carried item (shared code makes no ids). */
  readonly newItemId: (index: number) => string;
}

/**
 * The next session of a series: same kind, venue, roster and rules; the open items of `previous`
 * first (with 遗留 in the title), then nothing else — the organiser adds the week's new items.
 */
export function nextSession(
  previous: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  input: NextSessionInput,
): MeetingDoc {
  const carried = openItems(previous, records).map(({ item }, i) => ({
    itemId: input.newItemId(i),
    title: item.title.startsWith('（遗留）') ? item.title : `（遗留）${item.title}`,
    minutes: item.minutes,
    ...(item.topicId !== undefined ? { topicId: item.topicId } : {}),
  }));
  return {
    id: input.id,
    scope: previous.scope,
    createdAt: input.at,
    createdBy: input.by,
    updatedAt: input.at,
    updatedBy: input.by,
    kind: previous.kind,
    title: previous.title,
    ...(previous.venueId !== undefined ? { venueId: previous.venueId } : {}),
    seriesId: previous.seriesId ?? previous.id,
    carriedOverFrom: previous.id,
    startsAt: input.startsAt,
    durationMinutes: previous.durationMinutes,
    status: 'draft',
    agenda: carried,
    roster: previous.roster.map((r) => ({ ...r })),
    quorumNumerator: previous.quorumNumerator,
    quorumDenominator: previous.quorumDenominator,
    defaultRule: previous.defaultRule,
    defaultBase: previous.defaultBase,
    proxyLimit: previous.proxyLimit,
  };
}
