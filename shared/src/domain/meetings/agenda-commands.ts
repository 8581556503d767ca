import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { liveState, secondsBetween } from './live';
import { accept, refuse, type CommandResult } from './command-types';
import { makeRecord } from './records';
import type { CommandContext } from '#shared/domain/commands/index';

// The agenda timer and the speakers queue. An item runs from its start record to its end
// record (durationSeconds). A speaker request is one record; starting and ending the turn are
// later records that name it in correctsId, so the queue is the same on every device.

export function startItem(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  itemId: string,
  ctx: CommandContext,
): CommandResult {
  const item = meeting.agenda.find((a) => a.itemId === itemId);
  if (!item) return refuse('议程中没有这一项');
  const { currentItem } = liveState(meeting, records);
  if (currentItem?.itemId === itemId) return refuse(`“${item.title}”正在进行`);
  const out: MeetingRecordDoc[] = [];
  if (currentItem) {
    out.push(
      makeRecord(meeting, ctx, {
        kind: 'agendaTiming',
        agendaItemId: currentItem.itemId,
        durationSeconds: secondsBetween(currentItem.startedAt, ctx.now),
      }),
    );
  }
  out.push(makeRecord(meeting, ctx, { kind: 'agendaTiming', agendaItemId: itemId }));
  return accept(...out);
}

export function endItem(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  itemId: string,
  ctx: CommandContext,
): CommandResult {
  const { currentItem } = liveState(meeting, records);
  if (currentItem?.itemId !== itemId) return refuse('这一议程没有在进行');
  return accept(
    makeRecord(meeting, ctx, {
      kind: 'agendaTiming',
      agendaItemId: itemId,
      durationSeconds: secondsBetween(currentItem.startedAt, ctx.now),
    }),
  );
}

export function queueSpeaker(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  name: string,
  personId: string | undefined,
  ctx: CommandContext,
): CommandResult {
  const trimmed = name.trim();
  if (trimmed === '') return refuse('请填写发言人姓名');
  const live = liveState(meeting, records);
  const waiting = live.speakers.find(
    (s) => s.state !== 'done' && (personId !== undefined ? s.personId === personId : s.name === trimmed),
  );
  if (waiting) return refuse(`${trimmed}已在发言队列中`);
  return accept(
    makeRecord(meeting, ctx, {
      kind: 'speaker',
      name: trimmed,
      ...(personId !== undefined ? { personId } : {}),
      ...(live.currentItem ? { agendaItemId: live.currentItem.itemId } : {}),
    }),
  );
}

export function startSpeaker(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  entryId: string,
  ctx: CommandContext,
): CommandResult {
  const live = liveState(meeting, records);
  const entry = live.speakers.find((s) => s.entryId === entryId);
  if (!entry) return refuse('发言队列中没有这一项');
  if (entry.state !== 'queued')
    return refuse(`${entry.name}${entry.state === 'speaking' ? '正在发言' : '已发言'}`);
  const out: MeetingRecordDoc[] = [];
  // The next speaker takes the floor: whoever was speaking is done at this moment.
  if (live.speaking?.startedAt !== undefined) {
    out.push(
      endTurn(
        meeting,
        live.speaking.entryId,
        live.speaking.startedAt,
        undefined,
        ctx,
        live.speaking.name,
        live.speaking.personId,
      ),
    );
  }
  out.push(
    makeRecord(meeting, ctx, {
      kind: 'speaker',
      name: entry.name,
      correctsId: entryId,
      ...person(entry.personId),
    }),
  );
  return accept(...out);
}

export function endSpeaker(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  entryId: string,
  text: string | undefined,
  ctx: CommandContext,
): CommandResult {
  const entry = liveState(meeting, records).speakers.find((s) => s.entryId === entryId);
  if (entry?.state !== 'speaking' || entry.startedAt === undefined) return refuse('此人不在发言');
  return accept(
    endTurn(meeting, entryId, entry.startedAt, text?.trim() || undefined, ctx, entry.name, entry.personId),
  );
}

const person = (personId: string | undefined) => (personId !== undefined ? { personId } : {});

function endTurn(
  meeting: MeetingDoc,
  entryId: string,
  startedAt: string,
  text: string | undefined,
  ctx: CommandContext,
  name?: string,
  personId?: string,
): MeetingRecordDoc {
  return makeRecord(meeting, ctx, {
    kind: 'speaker',
    correctsId: entryId,
    durationSeconds: secondsBetween(startedAt, ctx.now),
    ...(name !== undefined ? { name } : {}),
    ...person(personId),
    ...(text !== undefined ? { text } : {}),
  });
}
