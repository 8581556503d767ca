// A meeting and, once held, its append-only record: sign-ins, a proxy, speakers, agenda timing,
// vote counts by origin, results with the rule that produced them, and decisions.
import { draftMinutes } from '#shared/domain/meetings/index';
import type { MeetingKind } from '#shared/domain/vocab';
import type { MeetingDoc, MeetingRecordDoc, PersonDoc } from '#shared/schema/index';
import { base, DAY, iso, MINUTE, notAfter, type DemoContext } from './context';
import type { Party } from './parties';

export interface AgendaSpec {
  title: string;
  minutes: number;
  topicId?: string;
  /** Put to a vote; the decision text recorded when it passes. */
  decision?: { text: string; parties: Party[] };
}

export interface MeetingSpec {
  kind: MeetingKind;
  title: string;
  scope: string;
  venueId?: string;
  seriesId?: string;
  carriedOverFrom?: string;
  startsAt: number;
  agenda: AgendaSpec[];
  entitled: PersonDoc[];
  chair: PersonDoc;
}

export interface HeldMeeting {
  meeting: MeetingDoc;
  records: MeetingRecordDoc[];
  /** Decision and vote-result records by the agenda spec they came from. */
  decisions: Map<AgendaSpec, { decision: MeetingRecordDoc; result: MeetingRecordDoc }>;
}

const ROLE_LABEL: Record<string, string> = {
  courtyardLeader: '院长',
  buildingLeader: '楼长',
  doorLeader: '门长',
  floorLeader: '层长',
  residentRep: '居民代表',
  partyMember: '党员',
  volunteer: '志愿者',
};

function roleLabel(person: PersonDoc): string {
  const role = person.roles.find((r) => r.ceasedAt === undefined && ROLE_LABEL[r.role]);
  return role ? (ROLE_LABEL[role.role] as string) : '居民';
}

export function holdMeeting(ctx: DemoContext, spec: MeetingSpec): HeldMeeting {
  const { rng, now } = ctx;
  const entitled = [
    ...new Map(spec.entitled.filter((p) => p.id !== spec.chair.id).map((p) => [p.id, p])).values(),
  ];
  const meetingId = ctx.nextId('meeting');
  const duration = spec.agenda.reduce((sum, item) => sum + item.minutes, 0) + 10;
  const agenda = spec.agenda.map((item, i) => ({
    itemId: `${meetingId}-a${i + 1}`,
    title: item.title,
    minutes: item.minutes,
    ...(item.topicId ? { topicId: item.topicId } : {}),
  }));
  const meeting: MeetingDoc = {
    ...base(meetingId, spec.scope, Math.min(spec.startsAt - rng.int(3, 6) * DAY, now)),
    kind: spec.kind,
    title: spec.title,
    startsAt: iso(spec.startsAt),
    durationMinutes: duration,
    status: 'noticed',
    agenda,
    roster: [
      { personId: spec.chair.id, name: spec.chair.name, role: '主持人', entitled: false },
      ...entitled.map((p) => ({ personId: p.id, name: p.name, role: roleLabel(p), entitled: true })),
    ],
    quorumNumerator: 2,
    quorumDenominator: 3,
    defaultRule: 'simpleMajority',
    defaultBase: 'entitled',
    proxyLimit: 1,
  };
  if (spec.venueId) meeting.venueId = spec.venueId;
  if (spec.seriesId) meeting.seriesId = spec.seriesId;
  if (spec.carriedOverFrom) meeting.carriedOverFrom = spec.carriedOverFrom;
  if (spec.startsAt - 2 * DAY <= now) meeting.noticePrintedAt = iso(spec.startsAt - 2 * DAY);
  const decisions: HeldMeeting['decisions'] = new Map();
  const ended = spec.startsAt + duration * MINUTE;
  if (ended > now) return { meeting, records: [], decisions };

  const records: MeetingRecordDoc[] = [];
  const record = (
    at: number,
    fields: Omit<MeetingRecordDoc, keyof ReturnType<typeof base> | 'meetingId' | 'at' | 'by'>,
  ) => {
    const doc: MeetingRecordDoc = {
      ...base(ctx.nextId('mrec'), spec.scope, at),
      meetingId,
      at: iso(at),
      by: spec.chair.id,
      ...fields,
    };
    records.push(doc);
    return doc;
  };

  const quorum = Math.ceil((entitled.length * 2) / 3);
  const shuffled = rng.shuffle(entitled);
  const present = shuffled.slice(0, Math.min(entitled.length, quorum + rng.int(0, entitled.length - quorum)));
  const absent = shuffled.slice(present.length);
  for (const person of present) {
    record(spec.startsAt - rng.int(0, 20) * MINUTE, {
      kind: 'signIn',
      personId: person.id,
      name: person.name,
    });
  }
  if (rng.chance(0.5))
    record(spec.startsAt - rng.int(0, 5) * MINUTE, { kind: 'signIn', name: '列席居民', walkIn: true });
  const proxies: PersonDoc[] = [];
  const holder = present[0];
  if (holder && absent[0] && rng.chance(0.4)) {
    proxies.push(absent[0]);
    record(spec.startsAt - rng.int(0, 10) * MINUTE, {
      kind: 'proxy',
      personId: holder.id,
      proxyForId: absent[0].id,
      name: holder.name,
    });
  }

  let clock = spec.startsAt + 5 * MINUTE;
  spec.agenda.forEach((item, i) => {
    const agendaItemId = (agenda[i] as { itemId: string }).itemId;
    for (let s = 0; s < rng.int(2, 3); s += 1) {
      const speaker = rng.pick(present.length > 0 ? present : [spec.chair]);
      const seconds = rng.int(60, 300);
      record(clock, {
        kind: 'speaker',
        personId: speaker.id,
        name: speaker.name,
        agendaItemId,
        durationSeconds: seconds,
      });
      clock += seconds * 1000;
    }
    const seconds = item.minutes * 60 + rng.int(-120, 300);
    record(clock, { kind: 'agendaTiming', agendaItemId, durationSeconds: Math.max(60, seconds) });
    if (item.decision) {
      const voteId = `${agendaItemId}-v1`;
      const threshold = Math.floor(entitled.length / 2) + 1;
      const dissent = Math.max(0, present.length - threshold);
      const no = rng.int(0, Math.floor(dissent / 2));
      const abstain = rng.int(0, dissent - no);
      const hallYes = present.length - no - abstain;
      record(clock, { kind: 'voteCount', agendaItemId, voteId, origin: 'hall', yes: hallYes, no, abstain });
      if (proxies.length > 0)
        record(clock, {
          kind: 'voteCount',
          agendaItemId,
          voteId,
          origin: 'proxy',
          yes: proxies.length,
          no: 0,
          abstain: 0,
        });
      const yes = hallYes + proxies.length;
      const result = record(clock + MINUTE, {
        kind: 'voteResult',
        agendaItemId,
        voteId,
        rule: 'simpleMajority',
        base: 'entitled',
        yes,
        no,
        abstain,
        result: {
          passed: yes >= threshold,
          yes,
          no,
          abstain,
          entitled: entitled.length,
          present: present.length,
          threshold,
        },
      });
      const decision = record(clock + 2 * MINUTE, {
        kind: 'decision',
        agendaItemId,
        voteId,
        text: item.decision.text,
        parties: item.decision.parties.map((p) => ({ ...p })),
      });
      decisions.set(item, { decision, result });
    }
    clock += Math.max(60, seconds) * 1000;
  });

  const sinceEnd = (now - ended) / DAY;
  // The minutes as the console drafts them from the records, so every paper states the same figures.
  meeting.minutesText = draftMinutes(meeting, records);
  meeting.status = sinceEnd < 3 ? 'minutesDrafted' : rng.chance(0.75) ? 'published' : 'minutesApproved';
  if (meeting.status !== 'minutesDrafted') {
    const approved = notAfter(ended + rng.int(1, 2) * DAY, now);
    meeting.minutesApprovedAt = iso(approved);
    meeting.minutesApprovedBy = spec.chair.id;
    if (meeting.status === 'published') meeting.publishedAt = iso(notAfter(approved + DAY, now));
    meeting.updatedAt = meeting.publishedAt ?? meeting.minutesApprovedAt;
  } else {
    meeting.updatedAt = iso(notAfter(ended, now));
  }
  return { meeting, records, decisions };
}
