import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { attendanceOf } from './live';
import { accept, refuse, type CommandResult } from './command-types';
import { makeRecord } from './records';
import type { CommandContext } from '#shared/domain/commands/index';

// Sign-in and proxies are checked by the shared attendance rules: the new record is tried on
// the record as it stands, and refused with the rule's own message when it would not count.

function tryAttendance(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  candidate: MeetingRecordDoc,
): CommandResult {
  const refusal = attendanceOf(meeting, [...records, candidate]).refused.find(
    (r) => r.recordId === candidate.id,
  );
  return refusal ? refuse(refusal.message) : accept(candidate);
}

export function signIn(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  personId: string,
  ctx: CommandContext,
): CommandResult {
  const entry = meeting.roster.find((r) => r.personId === personId);
  if (!entry) return refuse('此人不在应到名单中，请按列席人员登记');
  const now = attendanceOf(meeting, records);
  if (now.presentInPerson.includes(personId) || now.observers.includes(personId))
    return refuse(`${entry.name}已签到`);
  // Coming in person after a proxy was given is fine: the shared rules then void the proxy.
  return tryAttendance(
    meeting,
    records,
    makeRecord(meeting, ctx, { kind: 'signIn', personId, name: entry.name }),
  );
}

export function walkIn(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  name: string,
  personId: string | undefined,
  ctx: CommandContext,
): CommandResult {
  const trimmed = name.trim();
  if (trimmed === '') return refuse('请填写列席人员姓名');
  if (personId !== undefined && meeting.roster.some((r) => r.personId === personId))
    return refuse('此人在应到名单中，请直接签到');
  return tryAttendance(
    meeting,
    records,
    makeRecord(meeting, ctx, {
      kind: 'signIn',
      name: trimmed,
      walkIn: true,
      ...(personId !== undefined ? { personId } : {}),
    }),
  );
}

export function proxy(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  holderId: string,
  forId: string,
  ctx: CommandContext,
): CommandResult {
  const holder = meeting.roster.find((r) => r.personId === holderId);
  return tryAttendance(
    meeting,
    records,
    makeRecord(meeting, ctx, {
      kind: 'proxy',
      personId: holderId,
      proxyForId: forId,
      ...(holder ? { name: holder.name } : {}),
    }),
  );
}
