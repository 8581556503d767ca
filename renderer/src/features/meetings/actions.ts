import {
  runCommand,
  meetingStep,
  type ConsoleCommand,
  type MeetingStepInput,
} from '#shared/domain/meetings/index';
import type { MeetingEvent } from '#shared/domain/vocab';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import type { Actor } from '#shared/domain/permissions/index';
import type { YishiDatabase } from '../../db/create-database';
import { newId, nowIso } from '../../db/ids';
import { audit, updated } from '../../db/write';

// The only writers of this feature. Console entries are inserted, never updated; the meeting
// document changes only through the shared meeting machine (or plain preparation edits).

export interface Who {
  readonly actor: Actor;
  readonly deviceId: string;
}

export async function runConsole(
  db: YishiDatabase,
  who: Who,
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  command: ConsoleCommand,
): Promise<string | null> {
  const result = runCommand(meeting, records, command, {
    actor: who.actor,
    deviceId: who.deviceId,
    at: nowIso(),
    newId,
  });
  if (!result.ok) return result.message;
  await db.meetingRecords.bulkInsert([...result.records]);
  return null;
}

export async function stepMeeting(
  db: YishiDatabase,
  who: Who,
  meeting: MeetingDoc,
  event: MeetingEvent,
  input: Omit<MeetingStepInput, 'actor' | 'at'> = {},
): Promise<string | null> {
  const at = nowIso();
  const step = meetingStep(meeting, event, { ...input, actor: who.actor, at });
  if (!step.ok) return step.message;
  const doc = await db.meetings.findOne(meeting.id).exec();
  if (!doc) return '找不到这次会议';
  await doc.incrementalPatch({ ...step.patch, ...updated({ deviceId: who.deviceId }, at) });
  await audit(db, { deviceId: who.deviceId }, meeting.scope, `meeting.${event}`, {
    collection: 'meetings',
    id: meeting.id,
  });
  return null;
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
