// 议: the meetings that deliberate in-depth topics (楼院议事会, 社区议事厅, 街道问政会) and each
// community's 每周一议 series, whose unfinished items carry over to the next week.
import { liesBelow, scopeAtLevel } from '#shared/domain/places/index';
import type { MeetingDoc, MeetingRecordDoc, PersonDoc } from '#shared/schema/index';
import { beijingAt, DAY, type DemoContext } from './context';
import { DECISIONS, WEEKLY_ITEMS } from './deliberation-texts';
import { holdMeeting, type AgendaSpec } from './meetings';
import type { OrganizationIndex } from './organizations';
import { partiesFor } from './parties';
import type { PeopleIndex } from './people';
import type { StreetLayout } from './places';
import type { MeetingPlan } from './topics';

export interface Deliberation {
  meetings: MeetingDoc[];
  records: MeetingRecordDoc[];
  /** The decision record of each decided topic. */
  decisionOf: Map<string, MeetingRecordDoc>;
}

export function entitledFor(ctx: DemoContext, people: PeopleIndex, scope: string): PersonDoc[] {
  const { rng } = ctx;
  const courtyard = scopeAtLevel(scope, 'courtyard');
  const community = scopeAtLevel(scope, 'community');
  const reps = community ? (people.repsOf.get(community) ?? []) : [];
  if (courtyard) {
    const leader = people.courtyardLeaderOf.get(courtyard);
    return [
      ...(leader ? [leader] : []),
      ...rng.sample(people.leadersIn.get(courtyard) ?? [], 10),
      ...rng.sample(reps, 2),
    ];
  }
  if (community) {
    const leaders = [...people.courtyardLeaderOf.entries()]
      .filter(([s]) => liesBelow(s, community))
      .map(([, p]) => p);
    return [...leaders, ...reps];
  }
  const allReps = [...people.repsOf.values()].flat();
  return [...rng.sample([...people.courtyardLeaderOf.values()], 8), ...rng.sample(allReps, 8)];
}

export function chairFor(ctx: DemoContext, people: PeopleIndex, scope: string): PersonDoc {
  const courtyard = scopeAtLevel(scope, 'courtyard');
  const fromCourtyard = courtyard ? people.workerOfCourtyard.get(courtyard) : undefined;
  if (fromCourtyard) return fromCourtyard;
  const community = scopeAtLevel(scope, 'community');
  const workers = community ? people.workersOf.get(community) : [...people.workersOf.values()].flat();
  return ctx.rng.pick(workers ?? []);
}

export function deliberate(
  ctx: DemoContext,
  layout: StreetLayout,
  people: PeopleIndex,
  orgs: OrganizationIndex,
  plans: MeetingPlan[],
): Deliberation {
  const { rng, now } = ctx;
  const meetings: MeetingDoc[] = [];
  const records: MeetingRecordDoc[] = [];
  const decisionOf = new Map<string, MeetingRecordDoc>();
  const communityOf = new Map(layout.communities.map((c) => [c.place.scope, c]));

  for (const { topic, startsAt } of plans) {
    const community = communityOf.get(scopeAtLevel(topic.scope, 'community') ?? '');
    const courtyard = community?.courtyards.find((y) => y.place.scope === topic.scope);
    const kind =
      topic.level === 'street'
        ? rng.pick(['streetPolicyHearing', 'streetNeedsHearing'] as const)
        : topic.level === 'community'
          ? 'communityHall'
          : 'courtyardMeeting';
    const venue =
      topic.level === 'street'
        ? layout.streetHall
        : topic.level === 'community'
          ? community?.hall
          : (courtyard?.venue ?? rng.pick(community?.venues ?? [layout.streetHall]));
    const item: AgendaSpec = {
      title: topic.title,
      minutes: rng.int(30, 60),
      topicId: topic.id,
      decision: {
        text: DECISIONS[topic.category],
        parties: partiesFor(topic.category, topic.originScope, orgs),
      },
    };
    const held = holdMeeting(ctx, {
      kind,
      title: `${topic.title}议事协商会`,
      scope: topic.scope,
      venueId: venue?.id,
      startsAt,
      agenda: [item],
      entitled: entitledFor(ctx, people, topic.scope),
      chair: chairFor(ctx, people, topic.scope),
    });
    meetings.push(held.meeting);
    records.push(...held.records);
    topic.meetingIds.push(held.meeting.id);
    const decided = held.decisions.get(item);
    if (decided) decisionOf.set(topic.id, decided.decision);
  }

  for (const community of layout.communities) {
    const seriesId = `series-weekly-${community.place.code}`;
    let previous: MeetingDoc | undefined;
    for (let week = 6; week >= -1; week -= 1) {
      const startsAt = beijingAt(now - week * 7 * DAY - rng.int(0, 2) * DAY, 9, 30);
      const carried = previous && rng.chance(0.4) ? previous : undefined;
      const agenda: AgendaSpec[] = rng
        .sample(WEEKLY_ITEMS, 3)
        .map((title) => ({ title, minutes: rng.int(10, 20) }));
      if (carried) agenda.unshift({ title: '上次会议遗留事项', minutes: 15 });
      const held = holdMeeting(ctx, {
        kind: 'weeklySeries',
        title: `${community.place.name}每周一议`,
        scope: community.place.scope,
        venueId: community.hall.id,
        seriesId,
        ...(carried ? { carriedOverFrom: carried.id } : {}),
        startsAt,
        agenda,
        entitled: rng.sample(people.repsOf.get(community.place.scope) ?? [], 9),
        chair: chairFor(ctx, people, community.place.scope),
      });
      meetings.push(held.meeting);
      records.push(...held.records);
      previous = held.meeting;
    }
  }
  return { meetings, records, decisionOf };
}
