import {
  editPreparation,
  linkTopicToMeeting,
  runCommand,
  meetingStep,
  scheduleMeeting,
  scheduleNextSession,
  setTopicStakeholders,
  recordNotification,
  withdrawNotification,
  type ConsoleCommand,
  type Invitee,
  type MeetingStepInput,
  type NewMeeting,
  type NotifyInput,
  type PreparationEdit,
} from '#shared/domain/meetings/index';
import type { MeetingEvent } from '#shared/domain/vocab';
import type { MeetingDoc, MeetingRecordDoc, Stakeholder, TopicDoc } from '#shared/schema/index';
import type { Actor } from '#shared/domain/permissions/index';
import { refuse, type CommandContext, type Outcome } from '#shared/domain/commands/index';
import { commit, commitDecided } from '../../db/commit';
import type { YishiDatabase } from '../../db/create-database';
import { newId, nowIso } from '../../db/ids';

// The only writers of this feature. Console entries are inserted, never updated; the meeting
// document changes only through the shared meeting machine (or plain preparation edits).

export interface Who {
  readonly actor: Actor;
  readonly deviceId: string;
}

/** The context of a command taken now by `who`. */
const contextOf = (who: Who): CommandContext => ({
  actor: who.actor,
  deviceId: who.deviceId,
  now: nowIso(),
  newId,
});

export async function runConsole(
  db: YishiDatabase,
  who: Who,
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  command: ConsoleCommand,
): Promise<Outcome> {
  return commitDecided(db, runCommand(meeting, records, command, contextOf(who)));
}

/**
 * A step of the meeting machine. It is decided on the stored meeting, so that what another
 * device or an earlier save changed meanwhile is kept.
 */
export async function stepMeeting(
  db: YishiDatabase,
  who: Who,
  meeting: MeetingDoc,
  event: MeetingEvent,
  input: MeetingStepInput = {},
): Promise<Outcome> {
  const doc = await db.meetings.findOne(meeting.id).exec();
  if (!doc) return refuse('找不到这次会议');
  return commitDecided(db, meetingStep(doc.toJSON() as MeetingDoc, event, input, contextOf(who)));
}

/** 新建议事会: the new meeting, or why it was refused (or could not be saved). */
export async function createMeeting(
  db: YishiDatabase,
  who: Who,
  input: NewMeeting,
): Promise<{ ok: true; meeting: MeetingDoc } | { ok: false; message: string }> {
  const decided = scheduleMeeting(input, contextOf(who));
  if (!decided.ok) return decided;
  const written = await commit(db, decided.change);
  return written.ok ? { ok: true, meeting: decided.meeting } : written;
}

/** 每周一议: the next session of the series, with the open items carried over. */
export async function createNextSession(
  db: YishiDatabase,
  who: Who,
  previous: MeetingDoc,
  records: readonly MeetingRecordDoc[],
): Promise<{ ok: true; meeting: MeetingDoc } | { ok: false; message: string }> {
  const decided = scheduleNextSession(previous, records, contextOf(who));
  if (!decided.ok) return decided;
  const written = await commit(db, decided.change);
  return written.ok ? { ok: true, meeting: decided.meeting } : written;
}

/** Preparation edits (title, agenda, roster, rules), decided on the stored meeting. */
export async function saveMeeting(
  db: YishiDatabase,
  who: Who,
  meeting: MeetingDoc,
  edit: PreparationEdit,
): Promise<Outcome> {
  const doc = await db.meetings.findOne(meeting.id).exec();
  if (!doc) return refuse('找不到这次会议');
  return commitDecided(db, editPreparation(doc.toJSON() as MeetingDoc, edit, contextOf(who)));
}

export async function markNoticePrinted(db: YishiDatabase, who: Who, meeting: MeetingDoc): Promise<Outcome> {
  if (meeting.noticePrintedAt !== undefined) return { ok: true };
  return saveMeeting(db, who, meeting, { noticePrintedAt: nowIso() });
}

/** 主体确定 on the stored topic. */
export async function saveStakeholders(
  db: YishiDatabase,
  who: Who,
  topicId: string,
  stakeholders: readonly Stakeholder[],
): Promise<Outcome> {
  const doc = await db.topics.findOne(topicId).exec();
  if (!doc) return refuse('找不到议题');
  return commitDecided(db, setTopicStakeholders(doc.toJSON() as TopicDoc, stakeholders, contextOf(who)));
}

/** 议事组织: the stored topic is linked to the meeting (and scheduled when its stakeholders are chosen). */
export async function linkTopic(
  db: YishiDatabase,
  who: Who,
  topicId: string,
  meetingId: string,
): Promise<Outcome> {
  const doc = await db.topics.findOne(topicId).exec();
  if (!doc) return { ok: true };
  return commitDecided(db, linkTopicToMeeting(doc.toJSON() as TopicDoc, meetingId, contextOf(who)));
}

/** Records that an invited party was told of the meeting (decided on the stored meeting). */
export async function notifyInvitee(
  db: YishiDatabase,
  who: Who,
  meetingId: string,
  invitees: readonly Invitee[],
  input: NotifyInput,
): Promise<Outcome> {
  const doc = await db.meetings.findOne(meetingId).exec();
  if (!doc) return refuse('找不到这次会议');
  return commitDecided(db, recordNotification(doc.toJSON() as MeetingDoc, invitees, input, contextOf(who)));
}

export async function withdrawNotice(
  db: YishiDatabase,
  who: Who,
  meetingId: string,
  notificationId: string,
): Promise<Outcome> {
  const doc = await db.meetings.findOne(meetingId).exec();
  if (!doc) return refuse('找不到这次会议');
  return commitDecided(db, withdrawNotification(doc.toJSON() as MeetingDoc, notificationId, contextOf(who)));
}
