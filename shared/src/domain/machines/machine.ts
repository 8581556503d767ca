import type { ActorRole } from '#shared/domain/vocab';
import { ACTOR_ROLE_LABELS } from '#shared/domain/permissions/roles';
import { requirementLabel, requirementMet, type Artefacts, type Requirement } from './artefacts';

// A machine is data: a transition table the UI, the hub and the tests all read. `transition`
// is the only place that decides, so a refused step always says why (in Chinese, for the UI).

/** What the caller should do to the document besides setting the new state. */
export type Effect =
  | { readonly type: 'stamp'; readonly field: string; readonly onlyIfEmpty?: boolean } // field = time of the event
  | { readonly type: 'stampActor'; readonly field: string } // field = id of the actor
  | { readonly type: 'clear'; readonly field: string }
  | { readonly type: 'increment'; readonly field: string }
  | { readonly type: 'set'; readonly field: string; readonly value: string | number | boolean }
  | { readonly type: 'resetParties' } // every responsible party is asked again (pending)
  | { readonly type: 'subjectEvent'; readonly event: SubjectEvent }; // run this event on the follow-up's subject

/** Events a follow-up asks its subject's machine to run (see evaluation.ts `subjectEventFor`). */
export type SubjectEvent = 'supervise' | 'passAcceptance' | 'reopen' | 'close';

export type RefusalCode =
  | 'unknownState'
  | 'unknownEvent'
  | 'notAllowedFromState'
  | 'roleNotAllowed'
  | 'missingArtefact'
  | 'guardFailed';

export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly message: string;
}

export interface Success<S extends string> {
  readonly ok: true;
  readonly state: S;
  readonly effects: readonly Effect[];
}

export type TransitionResult<S extends string> = Success<S> | Refusal;

export interface MachineContext {
  readonly actor: { readonly role: ActorRole };
  readonly artefacts?: Artefacts;
}

export interface TransitionRule<S extends string, E extends string, C extends MachineContext> {
  readonly event: E;
  readonly from: readonly S[];
  /** Absent: the machine stays in the state it was in (a recorded step, e.g. 督办). */
  readonly to?: S;
  readonly roles: readonly ActorRole[];
  /** Every entry must be met; an entry that is a list is met by any one of its artefacts. */
  readonly requires?: readonly Requirement[];
  /** Facts beyond artefacts (track, level…); returns the Chinese reason for a refusal. */
  readonly guard?: (ctx: C) => string | undefined;
  readonly effects?: readonly Effect[];
}

export interface Machine<S extends string, E extends string, C extends MachineContext = MachineContext> {
  readonly name: string;
  readonly states: readonly S[];
  readonly events: readonly E[];
  readonly stateLabels: Readonly<Record<S, string>>;
  readonly eventLabels: Readonly<Record<E, string>>;
  readonly rules: readonly TransitionRule<S, E, C>[];
}

const refuse = (code: RefusalCode, message: string): Refusal => ({ ok: false, code, message });

export function findRule<S extends string, E extends string, C extends MachineContext>(
  machine: Machine<S, E, C>,
  state: S,
  event: E,
): TransitionRule<S, E, C> | undefined {
  return machine.rules.find((rule) => rule.event === event && rule.from.includes(state));
}

export function transition<S extends string, E extends string, C extends MachineContext>(
  machine: Machine<S, E, C>,
  state: S,
  event: E,
  ctx: C,
): TransitionResult<S> {
  if (!machine.states.includes(state)) return refuse('unknownState', `未知状态: ${String(state)}`);
  if (!machine.events.includes(event)) return refuse('unknownEvent', `未知操作: ${String(event)}`);
  const eventLabel = machine.eventLabels[event];
  const rule = findRule(machine, state, event);
  if (!rule) {
    return refuse('notAllowedFromState', `${machine.stateLabels[state]}状态下不能${eventLabel}`);
  }
  if (!rule.roles.includes(ctx.actor.role)) {
    return refuse(
      'roleNotAllowed',
      `${ACTOR_ROLE_LABELS[ctx.actor.role] ?? ctx.actor.role}无权${eventLabel}`,
    );
  }
  const missing = (rule.requires ?? []).filter((req) => !requirementMet(req, ctx.artefacts ?? {}));
  if (missing.length > 0) {
    return refuse('missingArtefact', `${eventLabel}需要: ${missing.map(requirementLabel).join('、')}`);
  }
  const guardMessage = rule.guard?.(ctx);
  if (guardMessage !== undefined) return refuse('guardFailed', guardMessage);
  return { ok: true, state: rule.to ?? state, effects: rule.effects ?? [] };
}

/**
 * Events the actor's role may start from this state. Artefacts are checked on `transition`; with
 * `ctx`, events whose guard refuses (e.g. the wrong topic track) are left out too.
 */
export function allowedEvents<S extends string, E extends string, C extends MachineContext>(
  machine: Machine<S, E, C>,
  state: S,
  actor: { readonly role: ActorRole },
  ctx?: Omit<C, 'actor' | 'artefacts'>,
): E[] {
  return machine.events.filter((event) => {
    const rule = findRule(machine, state, event);
    if (!rule?.roles.includes(actor.role)) return false;
    return ctx === undefined || rule.guard?.({ ...ctx, actor } as unknown as C) === undefined;
  });
}

/** Table defects: duplicate (state, event) rules, states or events outside the machine's lists. */
export function checkMachine<S extends string, E extends string, C extends MachineContext>(
  machine: Machine<S, E, C>,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rule of machine.rules) {
    if (!machine.events.includes(rule.event)) problems.push(`unknown event ${rule.event}`);
    if (rule.to !== undefined && !machine.states.includes(rule.to))
      problems.push(`unknown target ${rule.to}`);
    for (const from of rule.from) {
      if (!machine.states.includes(from)) problems.push(`unknown source ${from}`);
      const key = `${from}/${rule.event}`;
      if (seen.has(key)) problems.push(`duplicate rule ${key}`);
      seen.add(key);
    }
  }
  return problems;
}
