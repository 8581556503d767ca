import {
  auditEntry,
  change,
  refuse,
  touched,
  type Change,
  type CommandContext,
  type Decided,
} from '#shared/domain/commands/index';
import { meetingMachine, transition, type Effect } from '#shared/domain/machines/index';
import { authorize, writeActionFor } from '#shared/domain/permissions/index';
import type { MeetingEvent, MeetingState } from '#shared/domain/vocab';
import type { MeetingDoc } from '#shared/schema/index';
import { earlyStart } from './adjourn';

// A meeting's own steps (通知, 开始, 散会, 纪要, 批准, 公示) go through the shared meeting machine:
// this turns the machine's answer and effects into the changed meeting document and its audit entry.

export interface MeetingStepInput {
  /** Text of the minutes, for the minutes events (the edited draft). */
  readonly minutesText?: string;
  /** Text of the 公示, for publish. */
  readonly publicNotice?: string;
  readonly reason?: string;
  /** Starting before the scheduled day was confirmed by the person at the console. */
  readonly confirmedEarly?: boolean;
  /** Who approves the minutes (批准人), printed on the minutes and the 公示. */
  readonly approverName?: string;
}

export type MeetingPatch = Partial<
  Pick<
    MeetingDoc,
    | 'status'
    | 'minutesText'
    | 'minutesApprovedAt'
    | 'minutesApprovedBy'
    | 'minutesApproverName'
    | 'publishedAt'
    | 'noticePrintedAt'
    | 'startedAt'
    | 'startedEarly'
  >
>;

function applyEffects(effects: readonly Effect[], ctx: CommandContext, meeting: MeetingDoc): MeetingPatch {
  const patch: Record<string, unknown> = {};
  for (const effect of effects) {
    if (effect.type === 'stamp') {
      const existing = (meeting as Record<string, unknown>)[effect.field];
      if (!effect.onlyIfEmpty || existing === undefined) patch[effect.field] = ctx.now;
    } else if (effect.type === 'stampActor') patch[effect.field] = ctx.actor.id;
  }
  return patch as MeetingPatch;
}

/** Facts a step records beyond the machine's stamps, or why it cannot be taken as asked. */
function stepFacts(
  meeting: MeetingDoc,
  event: MeetingEvent,
  input: MeetingStepInput,
  at: string,
): MeetingPatch | string {
  if (event === 'start') {
    const { early, question } = earlyStart(meeting, at);
    if (early && !input.confirmedEarly) return question;
    return { startedAt: at, ...(early ? { startedEarly: true } : {}) };
  }
  if (event === 'approveMinutes') {
    const approverName = input.approverName?.trim() ?? '';
    if (approverName === '') return '请填写批准人';
    return { minutesApproverName: approverName };
  }
  return {};
}

export function meetingStep(
  meeting: MeetingDoc,
  event: MeetingEvent,
  input: MeetingStepInput,
  ctx: CommandContext,
): Decided<{ readonly change: Change; readonly patch: MeetingPatch }> {
  const facts = stepFacts(meeting, event, input, ctx.now);
  if (typeof facts === 'string') return refuse(facts);
  const minutesText = input.minutesText ?? meeting.minutesText;
  const next = transition(meetingMachine, meeting.status, event, {
    actor: ctx.actor,
    artefacts: {
      agenda: meeting.agenda,
      roster: meeting.roster.filter((r) => r.entitled),
      minutesText,
      publicNotice: input.publicNotice,
      reason: input.reason,
    },
  });
  if (!next.ok) return refuse(next.message);
  const status: MeetingState = next.state;
  const action = writeActionFor('meetings', false, { status });
  const auth = authorize(ctx.actor, action, { scope: meeting.scope, collection: 'meetings' });
  if (!auth.ok) return refuse(auth.message);
  const patch: MeetingPatch = {
    status,
    ...(minutesText !== undefined && event !== 'notice' && event !== 'start' ? { minutesText } : {}),
    ...applyEffects(next.effects, ctx, meeting),
    ...facts,
  };
  return {
    ok: true,
    patch,
    change: change({
      update: { meetings: [{ ...meeting, ...patch, ...touched(ctx) }] },
      audit: [
        auditEntry(ctx, {
          scope: meeting.scope,
          action: `meeting.${event}`,
          collection: 'meetings',
          id: meeting.id,
        }),
      ],
    }),
  };
}
