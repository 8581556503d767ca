import { taskMachine } from '#shared/domain/machines/index';
import type { TaskState } from '#shared/domain/vocab';
import type { MeetingDoc, MeetingRecordDoc, TaskDoc } from '#shared/schema/index';
import { liveState } from './live';

// The one set of figures every paper of a meeting states: the minutes, the 公示, the 议事指引,
// the archive story, the reports and the project's vote picker. Read off the meeting and its
// record (and the tasks its decisions became) in one place, so no two papers can disagree.

/** Who sat in the hall, by the roster's role labels (居民代表, 门楼院长 …). */
export interface AttendeeGroups {
  readonly residents: number;
  readonly representatives: number;
  readonly leaders: number;
  readonly others: number;
}

export interface AttendanceFigures {
  /** 应到: entitled members on the roster. */
  readonly entitled: number;
  /** 实到: in person plus represented by proxy (the base of quorum and of "present" votes). */
  readonly present: number;
  readonly inPerson: number;
  /** 委托: entitled members represented by a valid proxy. */
  readonly proxies: number;
  /** 列席: roster members without a vote and walk-ins who signed in. */
  readonly observers: number;
  /** People physically in the hall (in person and 列席), by role. */
  readonly attendees: AttendeeGroups;
  readonly quorumRequired: number;
  readonly quorumReached: boolean;
}

export interface VoteFigure {
  readonly voteId: string;
  readonly agendaItemId?: string;
  readonly agendaTitle?: string;
  /** 表决事项: what was put to the vote. */
  readonly motion: string;
  readonly closed: boolean;
  readonly passed: boolean;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  readonly closedAt?: string;
  /** The rule's own wording of the outcome (需赞成 N 票 …). */
  readonly reason?: string;
}

export interface TaskFigure {
  readonly id: string;
  readonly title: string;
  readonly status: TaskState;
  readonly statusLabel: string;
  readonly parties: readonly string[];
  readonly photos: number;
}

export interface TaskFigures {
  readonly total: number;
  readonly byState: Readonly<Partial<Record<TaskState, number>>>;
  /** 待重新交办: a party declined and nobody has taken the share on yet. */
  readonly returned: number;
  readonly redirected: number;
  readonly withdrawn: number;
  /** 已验收 or 已办结. */
  readonly accepted: number;
  /** Still owed: neither accepted, closed, withdrawn nor handed on. */
  readonly open: number;
  /** Stored evidence photos of all these tasks. */
  readonly photos: number;
  readonly items: readonly TaskFigure[];
}

export interface MeetingFigures {
  readonly meetingId: string;
  readonly attendance: AttendanceFigures;
  /** Sign-in and proxy records the attendance rules refused (over the proxy limit, not on the roster…). */
  readonly refusedRecordIds: readonly string[];
  /** 发言: finished speaker turns (on the topic's items when a topic is given). */
  readonly speeches: number;
  readonly votes: readonly VoteFigure[];
  readonly decisions: readonly { readonly agendaItemId?: string; readonly text: string }[];
  readonly tasks: TaskFigures;
}

export interface FiguresOptions {
  /** Only the agenda items of this topic (unless the meeting never said which item was whose). */
  readonly topicId?: string;
  /** The tasks handed out from this meeting's decisions; others are ignored. */
  readonly tasks?: readonly Pick<TaskDoc, 'id' | 'title' | 'status' | 'parties' | 'meetingId' | 'photos'>[];
}

const LEADER = /门长|层长|楼长|院长|单元长/;
const REPRESENTATIVE = /居民代表|代表/;
const RESIDENT = /居民|党员|志愿者|业主|租户/;

/** The group a roster role label falls in; a member without a label counts as a resident. */
export function attendeeGroup(role: string | undefined): keyof AttendeeGroups {
  if (role === undefined || role.trim() === '') return 'residents';
  if (LEADER.test(role)) return 'leaders';
  if (REPRESENTATIVE.test(role)) return 'representatives';
  return RESIDENT.test(role) ? 'residents' : 'others';
}

const SETTLED_ACCEPTED: readonly TaskState[] = ['accepted', 'closed'];

function taskFigures(meetingId: string, tasks: FiguresOptions['tasks']): TaskFigures {
  const mine = (tasks ?? []).filter((t) => t.meetingId === meetingId);
  const byState: Partial<Record<TaskState, number>> = {};
  for (const t of mine) byState[t.status] = (byState[t.status] ?? 0) + 1;
  const count = (states: readonly TaskState[]) => mine.filter((t) => states.includes(t.status)).length;
  const items = [...mine]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((t) => ({
      id: t.id,
      title: t.title,
      status: t.status,
      statusLabel: taskMachine.stateLabels[t.status],
      parties: t.parties.map((p) => p.name),
      photos: t.photos?.length ?? 0,
    }));
  return {
    total: mine.length,
    byState,
    returned: count(['declined']),
    redirected: count(['redirected']),
    withdrawn: count(['withdrawn']),
    accepted: count(SETTLED_ACCEPTED),
    open: mine.length - count([...SETTLED_ACCEPTED, 'withdrawn', 'redirected']),
    photos: items.reduce((sum, t) => sum + t.photos, 0),
    items,
  };
}

export function meetingFigures(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  options: FiguresOptions = {},
): MeetingFigures {
  const live = liveState(meeting, records);
  const a = live.attendance;
  const role = new Map(meeting.roster.map((r) => [r.personId, r.role]));
  const attendees: Record<keyof AttendeeGroups, number> = {
    residents: 0,
    representatives: 0,
    leaders: 0,
    others: 0,
  };
  for (const id of [...a.presentInPerson, ...a.observers]) attendees[attendeeGroup(role.get(id))] += 1;
  // A walk-in is a resident who came without being invited, unless the roster knows them.
  for (const w of a.walkIns) {
    attendees[
      w.personId !== undefined && role.has(w.personId) ? attendeeGroup(role.get(w.personId)) : 'others'
    ] += 1;
  }
  const topicItems =
    options.topicId === undefined
      ? undefined
      : meeting.agenda.filter((i) => i.topicId === options.topicId).map((i) => i.itemId);
  const about = (itemId: string | undefined) =>
    topicItems === undefined ||
    topicItems.length === 0 ||
    (itemId !== undefined && topicItems.includes(itemId));
  const titleOf = (itemId: string | undefined) => meeting.agenda.find((i) => i.itemId === itemId)?.title;
  return {
    meetingId: meeting.id,
    refusedRecordIds: a.refused.map((r) => r.recordId),
    attendance: {
      entitled: a.entitled,
      present: a.presentCount,
      inPerson: a.presentInPerson.length,
      proxies: a.proxies.length,
      observers: a.observers.length + a.walkIns.length,
      attendees,
      quorumRequired: live.quorum.required,
      quorumReached: live.quorum.reached,
    },
    speeches: live.speakers.filter((s) => s.state === 'done' && about(s.agendaItemId)).length,
    votes: live.votes
      .filter((v) => about(v.agendaItemId))
      .map((v) => {
        const title = titleOf(v.agendaItemId);
        return {
          voteId: v.voteId,
          ...(v.agendaItemId !== undefined ? { agendaItemId: v.agendaItemId } : {}),
          ...(title !== undefined ? { agendaTitle: title } : {}),
          motion: v.motion ?? title ?? meeting.title,
          closed: v.closed !== undefined,
          passed: v.closed?.passed === true,
          yes: v.closed?.yes ?? 0,
          no: v.closed?.no ?? 0,
          abstain: v.closed?.abstain ?? 0,
          ...(v.closed ? { closedAt: v.closed.at, reason: v.closed.reason } : {}),
        };
      }),
    decisions: live.decisions
      .filter((d) => about(d.agendaItemId))
      .map((d) => ({
        ...(d.agendaItemId !== undefined ? { agendaItemId: d.agendaItemId } : {}),
        text: d.text,
      })),
    tasks: taskFigures(meeting.id, options.tasks),
  };
}

/** 结果 of a vote in a resident's words: "通过（赞成 17、反对 2、弃权 1）". */
export function voteOutcomeText(vote: VoteFigure): string {
  if (!vote.closed) return '表决未结束';
  return `${vote.passed ? '通过' : '未通过'}（赞成 ${vote.yes}、反对 ${vote.no}、弃权 ${vote.abstain}）`;
}

/** The attendance line every paper prints the same way. */
export function attendanceText(a: AttendanceFigures): string {
  return (
    `应到 ${a.entitled} 人，实到 ${a.present} 人（本人到会 ${a.inPerson} 人，委托 ${a.proxies} 人）` +
    (a.observers > 0 ? `，列席 ${a.observers} 人` : '')
  );
}
