import { meetingFigures } from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { voteOptions, type VoteOption } from './approval';

// 立项表决 for a project: only votes that passed, in meetings that deliberated one of the
// project's topics, each named by its motion (表决事项) as the meeting's own figures state it, so
// the worker picks what residents actually voted for and the approval can be checked against the
// minutes and the 公示.

export interface ProjectVoteOption extends VoteOption {
  /** 表决事项: what was put to the vote, as the minutes and the 公示 name it. */
  readonly motion: string;
}

export function projectVoteOptions(
  project: { readonly topicIds: readonly string[] },
  meetings: readonly MeetingDoc[],
  records: readonly MeetingRecordDoc[],
): ProjectVoteOption[] {
  const topics = new Set(project.topicIds);
  const linked = meetings.filter((m) =>
    m.agenda.some((a) => a.topicId !== undefined && topics.has(a.topicId)),
  );
  const options: ProjectVoteOption[] = [];
  for (const meeting of linked) {
    const own = records.filter((r) => r.meetingId === meeting.id);
    const figures = meetingFigures(meeting, own);
    const items = new Set(
      meeting.agenda.filter((a) => a.topicId !== undefined && topics.has(a.topicId)).map((a) => a.itemId),
    );
    for (const option of voteOptions([meeting], own)) {
      const vote = figures.votes.find((v) => v.voteId === option.voteId);
      if (!vote?.passed || !option.passed) continue;
      if (vote.agendaItemId !== undefined && !items.has(vote.agendaItemId)) continue;
      options.push({ ...option, motion: vote.motion });
    }
  }
  return options.sort((a, b) => b.startsAt.localeCompare(a.startsAt) || a.motion.localeCompare(b.motion));
}
