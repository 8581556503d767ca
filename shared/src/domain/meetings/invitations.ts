import {
  auditEntry,
  change,
  refuse,
  touched,
  type Change,
  type CommandContext,
  type Decided,
} from '#shared/domain/commands/index';
import { meetingMachine } from '#shared/domain/machines/index';
import { authorize, writeActionFor } from '#shared/domain/permissions/index';
import {
  NOTIFICATION_METHODS,
  ORGANIZATION_KINDS,
  type InviteeKind,
  type NotificationMethod,
  type OrganizationKind,
  type StakeholderKind,
} from '#shared/domain/vocab';
import type { MeetingDoc, MeetingNotification, Stakeholder, TopicDoc } from '#shared/schema/index';
import { PARTY_KIND_LABELS, STAKEHOLDER_KIND_LABELS } from './labels';

// Who is invited to a meeting and who was told, when and how. The invited are the roster and
// the parties named for the topics on the agenda (主体确定); "已通知" is exactly the recorded list.

export const NOTIFICATION_METHOD_LABELS: Readonly<Record<NotificationMethod, string>> = {
  phone: '电话',
  sms: '短信',
  visit: '上门',
  posted: '张贴',
};

/** What 主体确定 calls each kind of party: organisations by what they are, not "单位组织". */
export function stakeholderLabel(s: Pick<Stakeholder, 'kind' | 'orgKind'>): string {
  if (s.kind === 'organization' && s.orgKind !== undefined) return PARTY_KIND_LABELS[s.orgKind];
  return STAKEHOLDER_KIND_LABELS[s.kind];
}

/**
 * What 主体确定 offers to add: people by their standing, organisations by what they are
 * (物业服务企业, 产权单位 …), never the bare "单位组织".
 */
export type PartyChoice = Exclude<StakeholderKind, 'organization'> | OrganizationKind;

export const PARTY_CHOICES: readonly PartyChoice[] = [
  'residentRep',
  'leader',
  'resident',
  'expert',
  ...ORGANIZATION_KINDS.filter((k) => k !== 'streetDept'),
  'streetDept',
];

export const isOrganizationChoice = (c: PartyChoice): c is OrganizationKind =>
  (ORGANIZATION_KINDS as readonly string[]).includes(c);

/** The stakeholder a choice makes: an organisation carries its kind, a street department is one. */
export function stakeholderOf(choice: PartyChoice, name: string, refId?: string): Stakeholder {
  const base = { name, ...(refId !== undefined ? { refId } : {}) };
  if (choice === 'streetDept') return { kind: 'streetDept', orgKind: 'streetDept', ...base };
  if (isOrganizationChoice(choice)) return { kind: 'organization', orgKind: choice, ...base };
  return { kind: choice, ...base };
}

export interface Invitee {
  /** Stable within the meeting: kind and reference (or name). */
  readonly key: string;
  readonly kind: InviteeKind;
  readonly refId?: string;
  readonly name: string;
  /** 居民代表, 物业服务企业 … as the list and the notice name the party. */
  readonly label: string;
  /** Agenda items the party is invited for; empty for members of the roster (the whole meeting). */
  readonly items: readonly string[];
}

export interface OrganizationRef {
  readonly id: string;
  readonly kind: OrganizationKind;
}

const keyOf = (kind: InviteeKind, refId: string | undefined, name: string) => `${kind}:${refId ?? name}`;

function inviteeKindOf(
  s: Stakeholder,
  organizations: readonly OrganizationRef[],
): { kind: InviteeKind; label?: string } {
  if (s.kind === 'streetDept') return { kind: 'streetDept' };
  if (s.kind === 'expert') return { kind: 'expert', label: stakeholderLabel(s) };
  if (s.kind !== 'organization') return { kind: 'person', label: stakeholderLabel(s) };
  const known = s.orgKind ?? organizations.find((o) => o.id === s.refId)?.kind;
  // An organisation entered by name only before its kind was asked: a unit in the area, named
  // as such rather than given a kind nobody chose.
  return known ? { kind: known } : { kind: 'residentUnit', label: STAKEHOLDER_KIND_LABELS.organization };
}

/**
 * Everyone a meeting invites: the roster (each member in person) and the parties of the topics
 * on its agenda, each once, with the items they come for.
 */
export function inviteesOf(
  meeting: Pick<MeetingDoc, 'roster' | 'agenda'>,
  topics: readonly Pick<TopicDoc, 'id' | 'stakeholders'>[],
  organizations: readonly OrganizationRef[] = [],
): Invitee[] {
  const out = new Map<string, Invitee>();
  for (const r of meeting.roster) {
    const key = keyOf('person', r.personId, r.name);
    out.set(key, {
      key,
      kind: 'person',
      refId: r.personId,
      name: r.name,
      label: r.role ?? (r.entitled ? '参会人员' : '列席人员'),
      items: [],
    });
  }
  for (const item of meeting.agenda) {
    const topic = item.topicId === undefined ? undefined : topics.find((t) => t.id === item.topicId);
    for (const s of topic?.stakeholders ?? []) {
      const { kind, label = kind === 'person' ? '' : PARTY_KIND_LABELS[kind as OrganizationKind] } =
        inviteeKindOf(s, organizations);
      const key = keyOf(kind, s.refId, s.name);
      const known = out.get(key);
      if (known) {
        // A roster member is invited to the whole meeting already.
        if (known.items.length > 0 && !known.items.includes(item.title))
          out.set(key, { ...known, items: [...known.items, item.title] });
        continue;
      }
      out.set(key, {
        key,
        kind,
        ...(s.refId !== undefined ? { refId: s.refId } : {}),
        name: s.name,
        label,
        items: [item.title],
      });
    }
  }
  return [...out.values()];
}

/** The notifications recorded for one invitee, oldest first. */
export function notificationsOf(
  meeting: Pick<MeetingDoc, 'notifications'>,
  invitee: Pick<Invitee, 'kind' | 'refId' | 'name'>,
): MeetingNotification[] {
  return (meeting.notifications ?? [])
    .filter(
      (n) =>
        n.inviteeKind === invitee.kind &&
        (n.refId !== undefined && invitee.refId !== undefined
          ? n.refId === invitee.refId
          : n.name === invitee.name),
    )
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** 已通知 12 / 共 15: counted from the recorded notifications only. */
export function notifiedCount(meeting: Pick<MeetingDoc, 'notifications'>, invitees: readonly Invitee[]) {
  return {
    notified: invitees.filter((i) => notificationsOf(meeting, i).length > 0).length,
    total: invitees.length,
  };
}

const NOTIFIABLE = ['draft', 'noticed'];

function mayChange(meeting: MeetingDoc, ctx: CommandContext): string | undefined {
  if (!NOTIFIABLE.includes(meeting.status))
    return `会议${meetingMachine.stateLabels[meeting.status]}，不能再记录通知`;
  const action = writeActionFor('meetings', false, { status: meeting.status });
  const auth = authorize(ctx.actor, action, { scope: meeting.scope, collection: 'meetings' });
  return auth.ok ? undefined : auth.message;
}

export interface NotifyInput {
  readonly invitee: Invitee;
  readonly method: NotificationMethod;
  /** When the party was told (ISO); now when not given. */
  readonly at?: string;
}

/** Records that a party was told of the meeting, by which means and when. */
export function recordNotification(
  meeting: MeetingDoc,
  invitees: readonly Invitee[],
  input: NotifyInput,
  ctx: CommandContext,
): Decided<{ readonly change: Change; readonly meeting: MeetingDoc }> {
  const problem = mayChange(meeting, ctx);
  if (problem) return refuse(problem);
  if (!NOTIFICATION_METHODS.includes(input.method)) return refuse('请选择通知方式（电话、短信、上门或张贴）');
  if (!invitees.some((i) => i.key === input.invitee.key))
    return refuse(`${input.invitee.name}不在本次会议的邀请名单中`);
  const at = input.at ?? ctx.now;
  if (Number.isNaN(Date.parse(at))) return refuse('通知时间无效');
  if (Date.parse(at) > Date.parse(ctx.now)) return refuse('通知时间不能晚于现在');
  const entry: MeetingNotification = {
    notificationId: ctx.newId('notice'),
    inviteeKind: input.invitee.kind,
    ...(input.invitee.refId !== undefined ? { refId: input.invitee.refId } : {}),
    name: input.invitee.name,
    method: input.method,
    at,
  };
  const next: MeetingDoc = {
    ...meeting,
    notifications: [...(meeting.notifications ?? []), entry],
    ...touched(ctx),
  };
  return {
    ok: true,
    meeting: next,
    change: change({
      update: { meetings: [next] },
      audit: [
        auditEntry(ctx, {
          scope: meeting.scope,
          action: 'meeting.notify',
          collection: 'meetings',
          id: meeting.id,
          detail: `${input.invitee.name}（${input.invitee.label}），${NOTIFICATION_METHOD_LABELS[input.method]}`,
        }),
      ],
    }),
  };
}

/** Takes back a notification recorded by mistake (before the meeting starts). */
export function withdrawNotification(
  meeting: MeetingDoc,
  notificationId: string,
  ctx: CommandContext,
): Decided<{ readonly change: Change; readonly meeting: MeetingDoc }> {
  const problem = mayChange(meeting, ctx);
  if (problem) return refuse(problem);
  const entry = (meeting.notifications ?? []).find((n) => n.notificationId === notificationId);
  if (!entry) return refuse('找不到这条通知记录');
  const next: MeetingDoc = {
    ...meeting,
    notifications: (meeting.notifications ?? []).filter((n) => n.notificationId !== notificationId),
    ...touched(ctx),
  };
  return {
    ok: true,
    meeting: next,
    change: change({
      update: { meetings: [next] },
      audit: [
        auditEntry(ctx, {
          scope: meeting.scope,
          action: 'meeting.notifyWithdrawn',
          collection: 'meetings',
          id: meeting.id,
          detail: `${entry.name}，${NOTIFICATION_METHOD_LABELS[entry.method]}`,
        }),
      ],
    }),
  };
}
