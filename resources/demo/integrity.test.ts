import { describe, expect, it } from 'vitest';
import { liesUnder } from '#shared/domain/places/index';
import type { FollowUpSubject } from '#shared/domain/vocab';
import { generateDemoStreet } from '#resources/demo/index';

const NOW = '2026-11-29T08:00:00.000Z';
const data = generateDemoStreet({ seed: 3, now: NOW, scale: 2 });

const byId = <T extends { id: string }>(docs: T[]) => new Map(docs.map((d) => [d.id, d]));
const places = byId(data.places);
const people = byId(data.people);
const orgs = byId(data.organizations);
const demands = byId(data.demands);
const topics = byId(data.topics);
const meetings = byId(data.meetings);
const records = byId(data.meetingRecords);
const tasks = byId(data.tasks);
const projects = byId(data.projects);
const placeScopes = new Set(data.places.map((p) => p.scope));
const subjects: Record<FollowUpSubject, Map<string, unknown>> = { demands, topics, tasks, projects };

/** Fields in time order must not go backwards, and none may lie after the generation time. */
function inOrder(label: string, ...times: (string | undefined)[]) {
  const present = times.filter((t): t is string => t !== undefined);
  for (let i = 1; i < present.length; i += 1)
    expect((present[i - 1] as string) <= (present[i] as string), label).toBe(true);
  for (const t of present) expect(t <= NOW, label).toBe(true);
}

describe('demo street referential integrity', () => {
  it('links places into one tree whose scopes follow the parents', () => {
    for (const place of data.places) {
      if (place.parentId === null) {
        expect(place.scope).toBe('xg');
        continue;
      }
      const parent = places.get(place.parentId);
      expect(parent, place.id).toBeDefined();
      expect(place.scope).toBe(`${parent?.scope}.${place.code}`);
    }
  });

  it('places people where they live, with roles over existing places', () => {
    for (const person of data.people) {
      expect(places.get(person.placeId)?.scope, person.id).toBe(person.scope);
      for (const role of person.roles) {
        expect(placeScopes.has(role.placeScope), `${person.id} ${role.placeScope}`).toBe(true);
        inOrder(person.id, role.appointedAt, role.ceasedAt);
      }
    }
    for (const org of data.organizations)
      for (const scope of org.serves) expect(placeScopes.has(scope)).toBe(true);
  });

  it('keeps demands at their place, with a consistent lifecycle', () => {
    for (const d of data.demands) {
      expect(places.get(d.placeId)?.scope, d.id).toBe(d.scope);
      inOrder(d.id, d.receivedAt, d.respondedAt, d.resolvedAt, d.closedAt);
      expect(d.reasonable, d.id).toBe(d.status !== 'unreasonable');
      if (d.status === 'unreasonable') expect(d.unreasonableEvidence).toBeTruthy();
      if (d.status === 'closed') expect(d.closedAt && d.resolvedAt && d.answer, d.id).toBeTruthy();
      if (d.status === 'received') expect(d.respondedAt).toBeUndefined();
      if (d.status === 'duplicate') {
        const original = demands.get(d.duplicateOf ?? '');
        expect(original && original.receivedAt <= d.receivedAt, d.id).toBe(true);
      } else expect(d.duplicateOf).toBeUndefined();
      if (d.topicId) expect(topics.get(d.topicId)?.demandIds, d.id).toContain(d.id);
    }
  });

  it('builds topics from existing demands, keeping the origin through escalations', () => {
    for (const t of data.topics) {
      for (const id of t.demandIds) expect(demands.has(id), t.id).toBe(true);
      for (const id of t.meetingIds)
        expect(
          meetings.get(id)?.agenda.some((a) => a.topicId === t.id),
          t.id,
        ).toBe(true);
      for (const s of t.stakeholders)
        if (s.refId) expect(people.has(s.refId) || orgs.has(s.refId), t.id).toBe(true);
      const first = t.escalations[0];
      if (first) {
        expect(t.originScope).toBe(first.fromScope);
        expect(t.originLevel).toBe(first.fromLevel);
        expect(t.escalations.at(-1)?.toScope).toBe(t.scope);
      } else {
        expect(t.originScope).toBe(t.scope);
      }
      if (t.status === 'dropped') expect(t.dropReason).toBeTruthy();
    }
    expect(data.topics.some((t) => t.level === 'street' && t.originLevel === 'courtyard')).toBe(true);
  });

  it('holds meetings at venues with rosters of real people and records that match', () => {
    for (const m of data.meetings) {
      if (m.venueId) expect(places.get(m.venueId)?.kind, m.id).toBe('venue');
      for (const entry of m.roster) expect(people.get(entry.personId)?.name, m.id).toBe(entry.name);
      for (const item of m.agenda) if (item.topicId) expect(topics.has(item.topicId)).toBe(true);
      if (m.carriedOverFrom) expect(meetings.get(m.carriedOverFrom)?.seriesId).toBe(m.seriesId);
      if (m.status === 'published') inOrder(m.id, m.startsAt, m.minutesApprovedAt, m.publishedAt);
      if (m.status === 'noticed')
        expect(m.startsAt > NOW || data.meetingRecords.every((r) => r.meetingId !== m.id)).toBe(true);
    }
    const present = new Map<string, number>();
    for (const r of data.meetingRecords) {
      const meeting = meetings.get(r.meetingId);
      expect(meeting, r.id).toBeDefined();
      expect(r.scope).toBe(meeting?.scope);
      if (r.personId) expect(people.has(r.personId), r.id).toBe(true);
      if (r.proxyForId) expect(people.has(r.proxyForId), r.id).toBe(true);
      if (r.agendaItemId)
        expect(
          meeting?.agenda.some((a) => a.itemId === r.agendaItemId),
          r.id,
        ).toBe(true);
      for (const party of r.parties ?? [])
        if (party.organizationId) expect(orgs.has(party.organizationId)).toBe(true);
      if (r.kind === 'signIn' || r.kind === 'proxy')
        present.set(r.meetingId, (present.get(r.meetingId) ?? 0) + 1);
    }
    for (const r of data.meetingRecords) {
      if (r.kind !== 'voteResult') continue;
      expect((r.yes ?? 0) + (r.no ?? 0) + (r.abstain ?? 0)).toBeLessThanOrEqual(
        present.get(r.meetingId) ?? 0,
      );
    }
  });

  it('assigns tasks from decisions to existing parties, closing them only after acceptance', () => {
    const accepted = new Set(
      data.followUps.filter((f) => f.kind === 'acceptance' && f.outcome === 'passed').map((f) => f.subjectId),
    );
    for (const t of data.tasks) {
      if (t.topicId) expect(topics.has(t.topicId)).toBe(true);
      if (t.meetingId) expect(meetings.has(t.meetingId)).toBe(true);
      if (t.decisionRecordId) expect(records.get(t.decisionRecordId)?.kind).toBe('decision');
      for (const id of t.demandIds) expect(demands.has(id)).toBe(true);
      for (const p of t.parties) if (p.organizationId) expect(orgs.has(p.organizationId)).toBe(true);
      inOrder(t.id, t.assignedAt, t.finishedAt, t.acceptedAt, t.closedAt);
      expect(t.assignedAt <= t.dueAt).toBe(true);
      if (t.status === 'closed') expect(accepted.has(t.id), t.id).toBe(true);
    }
  });

  it('writes follow-ups about existing subjects', () => {
    for (const f of data.followUps) {
      expect(subjects[f.subjectCollection].has(f.subjectId), f.id).toBe(true);
      if (f.demandId) expect(demands.has(f.demandId)).toBe(true);
      expect(f.at <= NOW).toBe(true);
    }
    const reopened = data.demands.filter((d) => d.reopenedCount > 0);
    for (const d of reopened) {
      expect(data.followUps.some((f) => f.subjectId === d.id && f.outcome === 'unsatisfied')).toBe(true);
    }
  });

  it('funds projects approved in meetings, spending within budget', () => {
    for (const p of data.projects) {
      for (const id of p.topicIds)
        expect(topics.get(id)?.scope.startsWith(p.scope.split('.').slice(0, 2).join('.'))).toBe(true);
      if (p.approvalMeetingId) expect(meetings.has(p.approvalMeetingId)).toBe(true);
      if (p.approvalRecordId) expect(records.get(p.approvalRecordId)?.meetingId).toBe(p.approvalMeetingId);
      for (const c of p.consultations) expect(meetings.has(c.meetingId)).toBe(true);
      expect(p.spending.reduce((sum, s) => sum + s.amountFen, 0)).toBeLessThanOrEqual(p.budgetFen);
      if (['approved', 'inProgress', 'completed', 'accepted', 'published'].includes(p.status))
        expect(p.approvalMeetingId).toBeDefined();
    }
    for (const c of data.cases) if (c.topicId) expect(topics.has(c.topicId)).toBe(true);
    for (const a of data.auditTrail) expect(liesUnder(a.scope, 'xg')).toBe(true);
  });
});
