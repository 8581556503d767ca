// From one to a class: demands about the same thing in the same courtyard become a topic (议题);
// what a courtyard cannot settle escalates to the community and a few to the street.
import { scopeAtLevel } from '#shared/domain/places/index';
import type { DemandCategory, DemandState, TopicState } from '#shared/domain/vocab';
import type { DemandDoc, Stakeholder, TopicDoc } from '#shared/schema/index';
import { base, beijingAt, DAY, HOUR, iso, notAfter, type DemoContext } from './context';
import { applyDemandStatus } from './demands';
import {
  DECISIONS,
  DROP_REASON,
  ESCALATION_REASONS,
  QUICK_ANSWER,
  TOPIC_SUBJECTS,
} from './deliberation-texts';
import type { OrganizationIndex } from './organizations';
import type { PeopleIndex } from './people';
import type { StreetLayout } from './places';

/** A topic that still needs its meeting (in-depth track), and when that meeting is held. */
export interface MeetingPlan {
  topic: TopicDoc;
  startsAt: number;
}

const STRUCTURAL: DemandCategory[] = ['evCharging', 'oldEstateRenovation', 'parking', 'electricHeating'];

const DEMAND_STATUS_OF: Partial<Record<TopicState, DemandState>> = {
  collecting: 'inTopic',
  stakeholders: 'inTopic',
  scheduled: 'inTopic',
  deliberated: 'inTopic',
  handling: 'handling',
  answered: 'answered',
  closed: 'closed',
  dropped: 'answered',
};

function inDepthStatus(ctx: DemoContext, ageDays: number): TopicState {
  const { rng } = ctx;
  if (ageDays > 100)
    return rng.weighted([
      ['closed', 85],
      ['dropped', 5],
      ['handling', 10],
    ]);
  if (ageDays > 40)
    return rng.weighted([
      ['handling', 70],
      ['closed', 30],
    ]);
  if (ageDays > 10)
    return rng.weighted([
      ['deliberated', 40],
      ['handling', 60],
    ]);
  if (ageDays > 3) return 'scheduled';
  return rng.weighted([
    ['collecting', 50],
    ['stakeholders', 50],
  ]);
}

export function generateTopics(
  ctx: DemoContext,
  layout: StreetLayout,
  people: PeopleIndex,
  orgs: OrganizationIndex,
  demands: DemandDoc[],
): { topics: TopicDoc[]; meetings: MeetingPlan[] } {
  const { rng, now } = ctx;
  const chunkSize = 6 * Math.ceil(Math.sqrt(ctx.scale));
  const groups = new Map<string, DemandDoc[]>();
  for (const demand of demands) {
    if (['received', 'duplicate', 'unreasonable'].includes(demand.status) || demand.type === 'inquiry')
      continue;
    const key = `${scopeAtLevel(demand.scope, 'courtyard')}|${demand.category}`;
    const list = groups.get(key);
    if (list) list.push(demand);
    else groups.set(key, [demand]);
  }

  const topics: TopicDoc[] = [];
  const meetings: MeetingPlan[] = [];
  const names = new Map(layout.places.map((p) => [p.scope, p.name]));
  const placeName = (scope: string) => names.get(scope) ?? layout.street.name;
  let streetEscalations = 0;

  for (const [key, members] of groups) {
    const [yScope = '', category = 'other'] = key.split('|') as [string, DemandCategory];
    const cScope = scopeAtLevel(yScope, 'community') ?? layout.street.scope;
    for (let start = 0; start + 3 <= members.length; start += chunkSize) {
      const chunk = members.slice(start, start + chunkSize);
      if (chunk.length < 3) break;
      const formed = notAfter(Date.parse((chunk[2] as DemandDoc).receivedAt) + DAY, now);
      const track = STRUCTURAL.includes(category) || chunk.length >= 5 ? 'inDepth' : 'quick';
      const ageDays = (now - formed) / DAY;
      const worker = people.workerOfCourtyard.get(yScope);
      const stakeholders: Stakeholder[] = chunk
        .slice(0, 3)
        .map((d) => ({ kind: 'resident', name: d.reporterName ?? '居民' }));
      const leader = people.courtyardLeaderOf.get(yScope);
      if (leader) stakeholders.push({ kind: 'leader', refId: leader.id, name: leader.name });
      const company = orgs.propertyCompanyOf.get(yScope) ?? orgs.rightsUnitOf.get(yScope);
      if (company) stakeholders.push({ kind: 'organization', refId: company.id, name: company.name });

      const topic: TopicDoc = {
        ...base(ctx.nextId('topic'), yScope, formed),
        title: `${placeName(yScope)}${TOPIC_SUBJECTS[category]}`,
        description:
          `汇集本院${chunk.length}件居民诉求：${[...new Set(chunk.map((d) => d.title))].join('；')}。`.slice(
            0,
            4000,
          ),
        category,
        level: 'courtyard',
        originScope: yScope,
        originLevel: 'courtyard',
        track,
        status: 'collecting',
        demandIds: chunk.map((d) => d.id),
        priority:
          chunk.length * 10 +
          chunk.filter((d) => d.vulnerable).length * 5 +
          chunk.filter((d) => d.urgency !== 'normal').length * 3,
        order: 0,
        stakeholders,
        escalations: [],
        deadlineAt: iso(formed + (track === 'quick' ? 48 * HOUR : 7 * DAY)),
        meetingIds: [],
      };
      topics.push(topic);

      let active = topic;
      let status: TopicState;
      if (track === 'quick') {
        status =
          ageDays > 30
            ? rng.weighted([
                ['closed', 9],
                ['dropped', 1],
              ])
            : ageDays >= 2
              ? 'answered'
              : 'collecting';
        if (status === 'answered' || status === 'closed') {
          topic.quickAnswer = QUICK_ANSWER;
          topic.answeredAt = iso(notAfter(formed + rng.int(2, 40) * HOUR, now));
        }
      } else {
        status = inDepthStatus(ctx, ageDays);
        const escalates =
          STRUCTURAL.includes(category) &&
          ['deliberated', 'handling', 'closed'].includes(status) &&
          rng.chance(0.25);
        if (escalates) {
          const by = worker?.id ?? 'device-demo';
          const at = notAfter(formed + rng.int(1, 3) * DAY, now);
          const toCommunity = escalate(ctx, topic, 'community', cScope, placeName(cScope), at, by);
          topics.push(toCommunity);
          topic.status = 'escalated';
          active = toCommunity;
          if (
            streetEscalations < 2 * ctx.scale &&
            (category === 'evCharging' || category === 'oldEstateRenovation')
          ) {
            streetEscalations += 1;
            const toStreet = escalate(
              ctx,
              toCommunity,
              'street',
              layout.street.scope,
              layout.street.name,
              notAfter(at + rng.int(3, 10) * DAY, now),
              by,
            );
            topics.push(toStreet);
            toCommunity.status = 'escalated';
            active = toStreet;
          }
        }
      }
      active.status = status;
      if (status === 'dropped') active.dropReason = DROP_REASON;
      if (track === 'inDepth' && ['deliberated', 'handling', 'closed'].includes(status))
        active.decision = DECISIONS[category];

      const activeFormed = Date.parse(active.createdAt);
      if (track === 'inDepth' && status !== 'collecting' && status !== 'stakeholders') {
        const day = status === 'scheduled' ? now + rng.int(1, 4) * DAY : activeFormed + rng.int(2, 6) * DAY;
        const startsAt = beijingAt(day, rng.chance(0.6) ? 19 : 14, rng.chance(0.5) ? 0 : 30);
        // A held meeting lies after the topic was formed and before now.
        const held = Math.min(Math.max(activeFormed + HOUR, Math.min(startsAt, now - 2 * DAY)), now - HOUR);
        meetings.push({ topic: active, startsAt: status === 'scheduled' ? startsAt : held });
      }
      const demandStatus = DEMAND_STATUS_OF[status] ?? 'inTopic';
      for (const demand of chunk) {
        demand.topicId = active.id;
        applyDemandStatus(ctx, demand, demandStatus, activeFormed + 10 * DAY);
        if (status === 'dropped') demand.answer = DROP_REASON;
      }
      active.updatedAt = iso(Math.max(activeFormed, ...chunk.map((d) => Date.parse(d.updatedAt))));
    }
  }

  // 楼院议题顺序 / 社区议题清单: rank by priority within each place.
  const byScope = new Map<string, TopicDoc[]>();
  for (const topic of topics) byScope.set(topic.scope, [...(byScope.get(topic.scope) ?? []), topic]);
  for (const list of byScope.values()) {
    list
      .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id))
      .forEach((topic, i) => (topic.order = i + 1));
  }
  return { topics, meetings };
}

function escalate(
  ctx: DemoContext,
  from: TopicDoc,
  toLevel: 'community' | 'street',
  toScope: string,
  toName: string,
  at: number,
  by: string,
): TopicDoc {
  const stakeholders: Stakeholder[] = [...from.stakeholders];
  if (toLevel === 'street')
    stakeholders.push({ kind: 'streetDept', name: '城市管理办公室' }, { kind: 'expert', name: '规划设计师' });
  else stakeholders.push({ kind: 'residentRep', name: '居民代表' });
  return {
    ...from,
    ...base(ctx.nextId('topic'), toScope, at),
    title: `${toName}${from.title.replace(/^.*?(号院|社区)/, '')}`,
    level: toLevel,
    stakeholders,
    escalations: [
      ...from.escalations,
      {
        fromLevel: from.level,
        toLevel,
        fromScope: from.scope,
        toScope,
        at: iso(at),
        by,
        reason: ESCALATION_REASONS[toLevel],
      },
    ],
    deadlineAt: iso(at + 7 * DAY),
    meetingIds: [],
  };
}
