import { meetingMachine } from '#shared/domain/machines/index';
import { authorize } from '#shared/domain/permissions/index';
import { TASK_PARTY_KINDS, type MeetingState } from '#shared/domain/vocab';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { endItem, endSpeaker, queueSpeaker, startItem, startSpeaker } from './agenda-commands';
import { proxy, signIn, walkIn } from './attendance-commands';
import { accept, refuse, type CommandResult, type ConsoleCommand, type DecisionParty } from './command-types';
import { decisionsOf, liveState } from './live';
import { byTime, makeRecord } from './records';
import type { CommandContext } from '#shared/domain/commands/index';
import { closeVote, consensus, correctCount, openVote, recordCount } from './vote-commands';

// The console's one entry point: (meeting, records, command, ctx) → the new immutable records to
// append, or a refusal in Chinese. Nothing here writes; the caller inserts what it gets.

/** Sign-in and proxies may start before the chair opens the meeting (会前签到). */
const PRE_MEETING: readonly ConsoleCommand['type'][] = ['signIn', 'walkIn', 'proxy', 'void'];
/** After 散会 the recorder may still correct the record before the minutes are drafted. */
const CORRECTIONS: readonly ConsoleCommand['type'][] = ['void', 'correctCount', 'correctDecision'];

function stateAllows(state: MeetingState, type: ConsoleCommand['type']): string | undefined {
  if (state === 'inProgress') return undefined;
  if (state === 'noticed' && PRE_MEETING.includes(type)) return undefined;
  if (state === 'adjourned' && CORRECTIONS.includes(type)) return undefined;
  const label = meetingMachine.stateLabels[state];
  return state === 'draft' || state === 'noticed' ? `会议${label}，请先开始会议` : `会议${label}，不能再记录`;
}

function checkParties(parties: readonly DecisionParty[]): string | undefined {
  if (parties.length === 0) return '请至少指定一个责任方';
  for (const party of parties) {
    if (party.name.trim() === '') return '责任方名称不能为空';
    if (!TASK_PARTY_KINDS.includes(party.kind)) return `责任方类型无效：${party.kind}`;
  }
  return undefined;
}

const cleanParties = (parties: readonly DecisionParty[]) =>
  parties.map((p) => ({
    name: p.name.trim(),
    kind: p.kind,
    ...(p.organizationId !== undefined ? { organizationId: p.organizationId } : {}),
  }));

function recordDecision(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  command: Extract<ConsoleCommand, { type: 'recordDecision' }>,
  ctx: CommandContext,
): CommandResult {
  const text = command.text.trim();
  if (text === '') return refuse('请填写议定事项');
  const partyProblem = checkParties(command.parties);
  if (partyProblem) return refuse(partyProblem);
  const live = liveState(meeting, records);
  const agendaItemId = command.agendaItemId ?? live.currentItem?.itemId;
  if (agendaItemId !== undefined && !meeting.agenda.some((a) => a.itemId === agendaItemId))
    return refuse('议程中没有这一项');
  if (command.voteId !== undefined) {
    const vote = live.votes.find((v) => v.voteId === command.voteId);
    if (!vote?.closed) return refuse('表决尚未结束，不能据此形成议定事项');
    if (!vote.closed.passed) return refuse('表决未通过，不能据此形成议定事项');
  }
  return accept(
    makeRecord(meeting, ctx, {
      kind: 'decision',
      text,
      parties: cleanParties(command.parties),
      ...(agendaItemId !== undefined ? { agendaItemId } : {}),
      ...(command.voteId !== undefined ? { voteId: command.voteId } : {}),
    }),
  );
}

function correctDecision(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  command: Extract<ConsoleCommand, { type: 'correctDecision' }>,
  ctx: CommandContext,
): CommandResult {
  const decision = decisionsOf(records).find((d) => d.rootId === command.decisionId);
  if (!decision) return refuse('没有这条议定事项');
  const text = command.text.trim();
  if (text === '') return refuse('请填写议定事项');
  const partyProblem = checkParties(command.parties);
  if (partyProblem) return refuse(partyProblem);
  const { record } = decision;
  return accept(
    makeRecord(meeting, ctx, {
      kind: 'decision',
      correctsId: decision.rootId,
      text,
      parties: cleanParties(command.parties),
      ...(record.agendaItemId !== undefined ? { agendaItemId: record.agendaItemId } : {}),
      ...(record.voteId !== undefined ? { voteId: record.voteId } : {}),
    }),
  );
}

/** 撤销 an entry made by mistake: a correction record voids it (the original stays in the record). */
function voidRecord(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  recordId: string,
  ctx: CommandContext,
): CommandResult {
  const target = records.find((r) => r.id === recordId);
  if (!target) return refuse('没有这条记录');
  if (target.kind === 'voteResult') return refuse('表决结果不能撤销');
  if (target.kind === 'correction') return refuse('更正记录不能再撤销');
  const rootId = target.correctsId ?? target.id;
  if (target.kind === 'voteCount' && target.voteId !== undefined) {
    const vote = liveState(meeting, records).votes.find((v) => v.voteId === target.voteId);
    if (vote?.closed) return refuse('表决已结束，计票记录不能撤销');
  }
  if (records.some((r) => r.kind === 'correction' && r.correctsId === rootId))
    return refuse('这条记录已撤销');
  return accept(makeRecord(meeting, ctx, { kind: 'correction', correctsId: rootId }));
}

export function runCommand(
  meeting: MeetingDoc,
  allRecords: readonly MeetingRecordDoc[],
  command: ConsoleCommand,
  ctx: CommandContext,
): CommandResult {
  const auth = authorize(ctx.actor, 'meeting.record', { scope: meeting.scope, collection: 'meetingRecords' });
  if (!auth.ok) return refuse(auth.message);
  const stateProblem = stateAllows(meeting.status, command.type);
  if (stateProblem) return refuse(stateProblem);
  const records = allRecords.filter((r) => r.meetingId === meeting.id).sort(byTime);
  switch (command.type) {
    case 'signIn':
      return signIn(meeting, records, command.personId, ctx);
    case 'walkIn':
      return walkIn(meeting, records, command.name, command.personId, ctx);
    case 'proxy':
      return proxy(meeting, records, command.holderId, command.forId, ctx);
    case 'void':
      return voidRecord(meeting, records, command.recordId, ctx);
    case 'startItem':
      return startItem(meeting, records, command.itemId, ctx);
    case 'endItem':
      return endItem(meeting, records, command.itemId, ctx);
    case 'queueSpeaker':
      return queueSpeaker(meeting, records, command.name, command.personId, ctx);
    case 'startSpeaker':
      return startSpeaker(meeting, records, command.entryId, ctx);
    case 'endSpeaker':
      return endSpeaker(meeting, records, command.entryId, command.text, ctx);
    case 'openVote':
      return openVote(meeting, records, command, ctx);
    case 'recordCount':
      return recordCount(meeting, records, command, ctx);
    case 'correctCount':
      return correctCount(meeting, records, command, ctx);
    case 'consensus':
      return consensus(meeting, records, command.voteId, ctx);
    case 'closeVote':
      return closeVote(meeting, records, command.voteId, ctx);
    case 'recordDecision':
      return recordDecision(meeting, records, command, ctx);
    case 'correctDecision':
      return correctDecision(meeting, records, command, ctx);
  }
}
