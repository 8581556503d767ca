import {
  runCommand,
  meetingStep,
  recordNotification,
  withdrawNotification,
  type ConsoleCommand,
  type Invitee,
  type MeetingStepInput,
  type NotifyInput,
} from '#shared/domain/meetings/index';
import type { MeetingEvent } from '#shared/domain/vocab';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import type { Actor } from '#shared/domain/permissions/index';
import { refuse, type CommandContext, type Outcome } from '#shared/domain/commands/index';
import { commitDecided } from '../../db/commit';
import type { YishiDatabase } from '../../db/create-database';
import { newId, nowIso } from '../../db/ids';
import { updated } from '../../db/write';

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

/** Preparation edits (title, agenda, roster, rules) while the meeting is being prepared. */
export async function saveMeeting(
  db: YishiDatabase,
  who: Who,
  meeting: MeetingDoc,
  patch: Partial<MeetingDoc>,
): Promise<void> {
  const doc = await db.meetings.findOne(meeting.id).exec();
  if (!doc) throw new Error('找不到这次会议');
  await doc.incrementalPatch({ ...patch, ...updated({ deviceId: who.deviceId }) });
}

export async function markNoticePrinted(db: YishiDatabase, who: Who, meeting: MeetingDoc): Promise<void> {
  if (meeting.noticePrintedAt !== undefined) return;
  await saveMeeting(db, who, meeting, { noticePrintedAt: nowIso() });
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
