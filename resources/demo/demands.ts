// Demands (诉求) across the past year: where, what, from whom, and a status that fits their age.
import type { DemandCategory, DemandSource, DemandState, Urgency } from '#shared/domain/vocab';
import type { DemandDoc, PlaceDoc } from '#shared/schema/index';
import {
  base,
  beijingDateDigits,
  DAY,
  HOUR,
  iso,
  notAfter,
  officeTime,
  pad,
  type DemoContext,
} from './context';
import { ANSWERS, DEMAND_TEMPLATES } from './demand-texts';
import { callerName, fictionalPhone } from './names';
import type { PeopleIndex } from './people';
import { allCourtyards, type StreetLayout } from './places';

export const BASE_DEMANDS = 600;

const CATEGORY_WEIGHTS: [DemandCategory, number][] = [
  ['propertyService', 18],
  ['parking', 14],
  ['evCharging', 12],
  ['electricHeating', 9],
  ['wasteSorting', 8],
  ['oldEstateRenovation', 8],
  ['sanitation', 8],
  ['housingRepair', 8],
  ['neighbourDispute', 4],
  ['elderlyDisabledCare', 4],
  ['publicFacilities', 4],
  ['safetyFire', 3],
  ['greening', 2],
  ['other', 2],
];

const SOURCE_WEIGHTS: [DemandSource, number][] = [
  ['hotline', 45],
  ['visit', 25],
  ['phone', 10],
  ['courtyardMeeting', 10],
  ['hall', 8],
  ['other', 2],
];

const URGENCY_WEIGHTS: [Urgency, number][] = [
  ['normal', 85],
  ['urgent', 13],
  ['critical', 2],
];

/** A plausible state for a demand of this age that is not part of a topic. */
function statusForAge(ctx: DemoContext, ageDays: number): DemandState {
  const { rng } = ctx;
  if (ageDays > 60)
    return rng.weighted([
      ['closed', 86],
      ['resolved', 4],
      ['answered', 4],
      ['unreasonable', 3],
      ['duplicate', 3],
    ]);
  if (ageDays > 14)
    return rng.weighted([
      ['closed', 45],
      ['resolved', 18],
      ['handling', 20],
      ['answered', 10],
      ['unreasonable', 3],
      ['duplicate', 4],
    ]);
  return rng.weighted([
    ['received', 25],
    ['accepted', 30],
    ['handling', 30],
    ['answered', 10],
    ['resolved', 5],
  ]);
}

/**
 * Sets a demand's status and the lifecycle fields that go with it, in time order and never after
 * the generation time. `notBefore` holds back the resolution (e.g. until the task was finished).
 */
export function applyDemandStatus(
  ctx: DemoContext,
  demand: DemandDoc,
  status: DemandState,
  notBefore = 0,
): void {
  const { rng, now } = ctx;
  const received = Date.parse(demand.receivedAt);
  for (const key of ['respondedAt', 'answer', 'resolvedAt', 'closedAt', 'unreasonableEvidence'] as const) {
    delete demand[key];
  }
  demand.status = status;
  demand.reasonable = status !== 'unreasonable';
  let last = received;
  if (status !== 'received') {
    last = notAfter(received + rng.int(1, 20) * HOUR, now);
    demand.respondedAt = iso(last);
  }
  if (status === 'answered' || status === 'resolved' || status === 'closed')
    demand.answer = ANSWERS[demand.category];
  if (status === 'unreasonable') {
    demand.answer = '经核实，该诉求超出政策规定范围，已向居民解释说明。';
    demand.unreasonableEvidence = '现场核查记录及相关政策文件，包楼工作者与居民沟通录音已存档。';
    last = notAfter(last + rng.int(1, 5) * DAY, now);
    demand.closedAt = iso(last);
  }
  if (status === 'resolved' || status === 'closed') {
    last = notAfter(Math.max(last + rng.int(1, 20) * DAY, notBefore + rng.int(1, 3) * DAY), now);
    demand.resolvedAt = iso(last);
  }
  if (status === 'closed') {
    last = notAfter(last + rng.int(1, 3) * DAY, now);
    demand.closedAt = iso(last);
  }
  if (status !== 'duplicate') delete demand.duplicateOf;
  demand.updatedAt = iso(last);
}

export function generateDemands(ctx: DemoContext, layout: StreetLayout, people: PeopleIndex): DemandDoc[] {
  const { rng, now } = ctx;
  const courtyards = allCourtyards(layout);
  const count = BASE_DEMANDS * ctx.scale;
  const times = Array.from({ length: count }, () =>
    notAfter(officeTime(rng, now - rng.int(0, 364) * DAY), now),
  ).sort((a, b) => a - b);
  let phones = 0;
  let orderSeq = 0;

  const demands = times.map((receivedMs): DemandDoc => {
    const { community, courtyard } = rng.pick(courtyards);
    const building = rng.pick(courtyard.buildings);
    const entrance = rng.pick(building.entrances);
    const place: PlaceDoc = rng.weighted([
      [entrance, 45],
      [building.place, 30],
      [courtyard.place, 25],
    ]);
    const category = rng.weighted(CATEGORY_WEIGHTS);
    const template = rng.pick(DEMAND_TEMPLATES[category]);
    const where = {
      yard: courtyard.place.name,
      building: building.place.name,
      entrance: entrance.name.replace('单元', ''),
    };
    const source = rng.weighted(SOURCE_WEIGHTS);
    const urgency = rng.weighted(URGENCY_WEIGHTS);
    const receivedAt = iso(receivedMs);
    const demand: DemandDoc = {
      ...base(ctx.nextId('demand'), place.scope, receivedMs),
      placeId: place.id,
      title: template.title(where),
      description: template.text(where),
      type: template.type,
      category,
      source,
      urgency,
      status: 'received',
      receivedAt,
      vulnerable: false,
      reasonable: true,
      reopenedCount: 0,
    };
    if (source === 'hotline') {
      orderSeq += 1;
      demand.hotlineOrderNo = `${beijingDateDigits(receivedMs)}${pad(orderSeq, 6)}`;
      demand.reporterName = callerName(rng);
      demand.reporterPhone = fictionalPhone('138', (phones += 1));
      const hours = urgency === 'critical' ? 2 : urgency === 'urgent' ? 24 : 7 * 24;
      demand.dueAt = iso(receivedMs + hours * HOUR);
    } else {
      const reporter = rng.pick(people.residentsOf.get(community.place.scope) ?? []);
      demand.reporterName = reporter.name;
      if (reporter.phone) demand.reporterPhone = reporter.phone;
      demand.vulnerable = reporter.vulnerabilities.length > 0;
      if (rng.chance(0.6)) demand.dueAt = iso(receivedMs + 15 * DAY);
    }
    if (place.kind === 'entrance')
      demand.addressDetail = `${building.place.name}${entrance.name}${rng.int(1, 6)}0${rng.int(1, 4)}`;
    if (!demand.vulnerable && rng.chance(0.06)) demand.vulnerable = true;
    applyDemandStatus(ctx, demand, statusForAge(ctx, (now - receivedMs) / DAY));
    return demand;
  });

  // A duplicate points at an earlier demand about the same thing in the same courtyard.
  const earlier = new Map<string, DemandDoc>();
  for (const demand of demands) {
    const key = `${demand.scope.split('.').slice(0, 3).join('.')}|${demand.category}`;
    const original = earlier.get(key);
    if (demand.status === 'duplicate') {
      if (original) demand.duplicateOf = original.id;
      else applyDemandStatus(ctx, demand, 'closed');
    } else if (!original) {
      earlier.set(key, demand);
    }
  }
  return demands;
}
