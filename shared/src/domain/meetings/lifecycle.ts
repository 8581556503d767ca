import { meetingMachine, transition, type Effect } from '#shared/domain/machines/index';
import { authorize, type Actor } from '#shared/domain/permissions/index';
import { writeActionFor } from '#shared/domain/permissions/index';
import type { MeetingEvent, MeetingState } from '#shared/domain/vocab';
import type { MeetingDoc } from '#shared/schema/index';

// A meeting's own steps (通知, 开始, 散会, 纪要, 批准, 公示) go through the shared meeting machine:
// this turns the machine's answer and effects into the fields to set on the meeting document.

export interface MeetingStepInput {
  readonly actor: Actor;
  readonly at: string;
  /** Text of the minutes, for the minutes events (the edited draft). */
  readonly minutesText?: string;
  /** Text of the 公示, for publish. */
  readonly publicNotice?: string;
  readonly reason?: string;
}

export type MeetingPatch = Partial<
  Pick<
    MeetingDoc,
    'status' | 'minutesText' | 'minutesApprovedAt' | 'minutesApprovedBy' | 'publishedAt' | 'noticePrintedAt'
  >
>;

export type MeetingStep = { ok: true; patch: MeetingPatch } | { ok: false; message: string };

function applyEffects(
  effects: readonly Effect[],
  input: MeetingStepInput,
  meeting: MeetingDoc,
): MeetingPatch {
  const patch: Record<string, unknown> = {};
  for (const effect of effects) {
    if (effect.type === 'stamp') {
      const existing = (meeting as Record<string, unknown>)[effect.field];
      if (!effect.onlyIfEmpty || existing === undefined) patch[effect.field] = input.at;
    } else if (effect.type === 'stampActor') patch[effect.field] = input.actor.id;
  }
  return patch as MeetingPatch;
}

export function meetingStep(meeting: MeetingDoc, event: MeetingEvent, input: MeetingStepInput): MeetingStep {
  const minutesText = input.minutesText ?? meeting.minutesText;
  const next = transition(meetingMachine, meeting.status, event, {
    actor: input.actor,
    artefacts: {
      agenda: meeting.agenda,
      roster: meeting.roster.filter((r) => r.entitled),
      minutesText,
      publicNotice: input.publicNotice,
      reason: input.reason,
    },
  });
  if (!next.ok) return { ok: false, message: next.message };
  const status: MeetingState = next.state;
  const action = writeActionFor('meetings', false, { status });
  const auth = authorize(input.actor, action, { scope: meeting.scope, collection: 'meetings' });
  if (!auth.ok) return { ok: false, message: auth.message };
  return {
    ok: true,
    patch: {
      status,
      ...(minutesText !== undefined && event !== 'notice' && event !== 'start' ? { minutesText } : {}),
      ...applyEffects(next.effects, input, meeting),
    },
  };
}
