import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import { jsonSchemaForValidation } from '#shared/schema/index';
import { coverage, coverageSummary, liesUnder } from '#shared/domain/places/index';
import { demoCounts, generateDemoStreet } from '#resources/demo/index';

const NOW = '2026-11-29T08:00:00.000Z';
const data = generateDemoStreet({ seed: 7, now: NOW, scale: 1 });

describe('demo street generation', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoStreet({ seed: 7, now: NOW, scale: 1 })).toEqual(data);
    const other = generateDemoStreet({ seed: 8, now: NOW, scale: 1 });
    expect(other.people.map((p) => p.name)).not.toEqual(data.people.map((p) => p.name));
  });

  it('keeps places, people and organisations when scaled, and multiplies demands', () => {
    const scaled = generateDemoStreet({ seed: 7, now: NOW, scale: 3 });
    expect(scaled.places).toEqual(data.places);
    expect(scaled.people).toEqual(data.people);
    expect(scaled.organizations).toEqual(data.organizations);
    expect(scaled.demands).toHaveLength(data.demands.length * 3);
    expect(scaled.topics.length).toBeGreaterThan(data.topics.length);
    expect(scaled.tasks.length).toBeGreaterThan(data.tasks.length);
    expect(scaled.followUps.length).toBeGreaterThan(data.followUps.length * 2);
  });

  it('refuses a bad scale or time', () => {
    expect(() => generateDemoStreet({ seed: 1, now: NOW, scale: 0 })).toThrow();
    expect(() => generateDemoStreet({ seed: 1, now: 'yesterday' })).toThrow();
  });

  it('has the size of 小关街道', () => {
    const counts = demoCounts(data);
    const kinds = (kind: string) => data.places.filter((p) => p.kind === kind).length;
    expect(kinds('street')).toBe(1);
    expect(kinds('community')).toBe(10);
    expect(kinds('courtyard')).toBe(50);
    expect(kinds('building')).toBeGreaterThanOrEqual(540);
    expect(kinds('building')).toBeLessThanOrEqual(660);
    expect(kinds('venue')).toBeGreaterThanOrEqual(21);
    const leaders = data.people.filter((p) =>
      p.roles.some((r) =>
        ['doorLeader', 'floorLeader', 'buildingLeader', 'courtyardLeader'].includes(r.role),
      ),
    );
    expect(leaders.length).toBeGreaterThanOrEqual(1400);
    expect(leaders.length).toBeLessThanOrEqual(1900);
    expect(data.organizations.filter((o) => o.kind === 'socialOrg')).toHaveLength(151);
    expect(data.organizations.filter((o) => o.kind === 'streetDept')).toHaveLength(10);
    expect(data.organizations.filter((o) => o.kind === 'propertyCompany').length).toBeGreaterThan(0);
    expect(data.organizations.filter((o) => o.kind === 'propertyRightsUnit').length).toBeGreaterThan(0);
    expect(counts.demands).toBe(600);
    expect(counts.topics).toBeGreaterThanOrEqual(30);
    expect(counts.meetings).toBeGreaterThanOrEqual(80);
    expect(counts.tasks).toBeGreaterThanOrEqual(25);
    expect(counts.projects).toBe(50);
    expect(counts.cases).toBeGreaterThan(0);
    expect(counts.total).toBe(COLLECTION_NAMES.reduce((sum, name) => sum + data[name].length, 0));
  });

  it('uses the named communities and courtyards, with the scope tree rooted at xg', () => {
    const names = new Set(data.places.map((p) => p.name));
    for (const name of [
      '高原街社区',
      '惠新东街社区',
      '小关东街社区',
      '惠新北里社区',
      '惠新南里社区',
      '惠新苑社区',
    ]) {
      expect(names.has(name), name).toBe(true);
    }
    for (const name of ['惠新南里5号院', '小关北里45号院', '惠新西街33号院'])
      expect(names.has(name), name).toBe(true);
    expect(data.places.find((p) => p.name === '高原街社区')?.scope).toBe('xg.gyj');
    for (const community of data.places.filter((p) => p.kind === 'community')) {
      const venues = data.places.filter((p) => p.kind === 'venue' && p.parentId === community.id);
      expect(
        venues.some((v) => v.venueType === 'hall'),
        community.name,
      ).toBe(true);
    }
  });

  it('produces documents valid against the collection schemas', () => {
    const ajv = new Ajv({ strict: false });
    for (const name of COLLECTION_NAMES) {
      const validate = ajv.compile(jsonSchemaForValidation(name));
      const docs: { id: string }[] = data[name];
      for (const doc of docs) {
        const { id } = doc;
        if (!validate(doc)) throw new Error(`${name} ${id}: ${JSON.stringify(validate.errors)}`);
      }
    }
  });

  it('gives every document a unique deterministic id and a scope that is a place', () => {
    const scopes = new Set(data.places.map((p) => p.scope));
    for (const name of COLLECTION_NAMES) {
      const ids = data[name].map((d) => d.id);
      expect(new Set(ids).size, name).toBe(ids.length);
      for (const doc of data[name])
        expect(scopes.has(doc.scope), `${name} ${doc.id} ${doc.scope}`).toBe(true);
    }
    expect(data.demands[0]?.id).toBe('demand-000001');
  });

  it('leaves gaps in leader coverage, but covers most places', () => {
    const gaps = coverage(data.places, data.people, NOW);
    const summary = coverageSummary(data.places, gaps);
    for (const kind of ['entrance', 'building', 'courtyard'] as const) {
      expect(summary[kind].uncovered, kind).toBeGreaterThan(0);
      expect(summary[kind].uncovered / summary[kind].total, kind).toBeLessThan(0.45);
    }
    const ceased = data.people.flatMap((p) => p.roles).filter((r) => r.ceasedAt !== undefined);
    expect(ceased.length).toBeGreaterThan(0);
  });

  it('keeps every person, phone and work-order number fictional and unique', () => {
    const phones = [
      ...data.people.map((p) => p.phone),
      ...data.demands.filter((d) => d.source === 'hotline').map((d) => d.reporterPhone),
      ...data.organizations.flatMap((o) => o.contacts.map((c) => c.phone)),
    ];
    for (const phone of phones) expect(phone).toMatch(/^13[789]-0000-\d{4}$/);
    const orders = data.demands.flatMap((d) => (d.hotlineOrderNo ? [d.hotlineOrderNo] : []));
    expect(orders.length).toBeGreaterThan(100);
    expect(new Set(orders).size).toBe(orders.length);
    for (const demand of data.demands) expect(demand.description.length).toBeGreaterThan(20);
  });

  it('never dates anything after the generation time', () => {
    const limit = NOW;
    for (const name of COLLECTION_NAMES) {
      for (const doc of data[name]) {
        expect(doc.createdAt <= limit, `${name} ${doc.id}`).toBe(true);
        expect(doc.updatedAt <= limit, `${name} ${doc.id}`).toBe(true);
        expect(doc.createdAt <= doc.updatedAt, `${name} ${doc.id}`).toBe(true);
      }
    }
    expect(data.demands.every((d) => liesUnder(d.scope, 'xg'))).toBe(true);
  });
});
