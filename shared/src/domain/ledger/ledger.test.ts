import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPlaceTree, liesUnder, scopeRange } from '#shared/domain/places/index';
import { DEMAND_STATES } from '#shared/domain/vocab';
import type { DemandDoc, PlaceDoc } from '#shared/schema/index';
import {
  byReceivedDesc,
  countByScope,
  hasFilters,
  isOverdue,
  ledgerCounts,
  ledgerPredicate,
  toLedgerRow,
  type LedgerRow,
} from './index';

const AT = '2026-03-02T02:00:00.000Z';

function place(scope: string, kind: PlaceDoc['kind'], name: string, order = 0): PlaceDoc {
  const cut = scope.lastIndexOf('.');
  return {
    id: `p-${scope}`,
    scope,
    createdAt: AT,
    createdBy: 'd',
    updatedAt: AT,
    updatedBy: 'd',
    kind,
    name,
    parentId: cut < 0 ? null : `p-${scope.slice(0, cut)}`,
    code: scope.slice(cut + 1),
    initials: '',
    order,
  };
}

const PLACES = [
  place('xg', 'street', '小关街道'),
  place('xg.gyj', 'community', '高原街社区', 1),
  place('xg.gyj.y2', 'courtyard', '高原街2号院', 1),
  place('xg.gyj.y2.b1', 'building', '1号楼', 1),
  place('xg.gyj.y2.b1.e1', 'entrance', '1单元', 1),
  place('xg.gyj.y4', 'courtyard', '高原街4号院', 2),
  place('xg.gyj.v1', 'venue', '高原街社区议事厅', 100),
  place('xg.gyj0', 'community', '不相干社区', 3),
  place('xg.hxl', 'community', '惠新里社区', 2),
];
const TREE = buildPlaceTree(PLACES);

function row(id: string, scope: string, extra: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id,
    scope,
    placeId: `p-${scope}`,
    title: id,
    description: '',
    type: 'complaint',
    category: 'parking',
    source: 'visit',
    urgency: 'normal',
    status: 'received',
    receivedAt: AT,
    vulnerable: false,
    ...extra,
  };
}

describe('ledger filters', () => {
  const rows = [
    row('a', 'xg.gyj.y2.b1.e1', { receivedAt: '2026-02-28T15:59:59.999Z' }), // 2026-02-28 23:59 Beijing
    row('b', 'xg.gyj.y2', { receivedAt: '2026-02-28T16:00:00.000Z', status: 'closed' }), // 03-01 00:00
    row('c', 'xg.gyj.y4', { type: 'inquiry', category: 'sanitation', source: 'hotline' }),
    row('d', 'xg.gyj0', {}),
    row('e', 'xg.hxl', { dueAt: '2026-03-01T00:00:00.000Z' }),
    row('f', 'xg.gyj', { dueAt: '2026-03-01T00:00:00.000Z', status: 'resolved' }),
  ];
  const ids = (filter: Parameters<typeof ledgerPredicate>[0]) =>
    rows.filter(ledgerPredicate(filter, AT)).map((r) => r.id);

  it('keeps the place subtree and nothing of a sibling whose code shares the prefix', () => {
    expect(ids({ scope: 'xg.gyj' })).toEqual(['a', 'b', 'c', 'f']);
    expect(ids({ scope: 'xg.gyj.y2' })).toEqual(['a', 'b']);
    expect(ids({ scope: 'xg' })).toHaveLength(6);
  });

  it('filters by status, type, category and source; empty lists pass everything', () => {
    expect(ids({ scope: 'xg', statuses: ['closed', 'resolved'] })).toEqual(['b', 'f']);
    expect(ids({ scope: 'xg', types: ['inquiry'] })).toEqual(['c']);
    expect(ids({ scope: 'xg', categories: ['sanitation', 'greening'] })).toEqual(['c']);
    expect(ids({ scope: 'xg', sources: ['hotline'] })).toEqual(['c']);
    expect(ids({ scope: 'xg', statuses: [], types: [], sources: [] })).toHaveLength(6);
  });

  it('reads the date range as Beijing dates, both ends inclusive', () => {
    expect(ids({ scope: 'xg', to: '2026-02-28' })).toEqual(['a']);
    expect(ids({ scope: 'xg', from: '2026-03-01' })).toEqual(['b', 'c', 'd', 'e', 'f']);
    expect(ids({ scope: 'xg', from: '2026-03-01', to: '2026-03-01' })).toEqual(['b']);
  });

  it('counts only open demands past their due time as overdue', () => {
    expect(ids({ scope: 'xg', overdue: true })).toEqual(['e']);
    expect(isOverdue({ status: 'handling', dueAt: AT }, AT)).toBe(false);
    expect(isOverdue({ status: 'handling' }, AT)).toBe(false);
  });

  it('tells whether any filter beyond the place is set', () => {
    expect(hasFilters({ scope: 'xg' })).toBe(false);
    expect(hasFilters({ scope: 'xg', statuses: [] })).toBe(false);
    expect(hasFilters({ scope: 'xg', overdue: true })).toBe(true);
    expect(hasFilters({ scope: 'xg', from: '2026-01-01' })).toBe(true);
  });

  it('has a scope range that holds exactly the subtree (property)', () => {
    const segment = fc.stringMatching(/^[a-z0-9]{1,4}$/);
    const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('.'));
    fc.assert(
      fc.property(path, path, (scope, other) => {
        const range = scopeRange(scope);
        const inRange = other >= range.$gte && other < range.$lt;
        expect(inRange).toBe(liesUnder(other, scope));
      }),
    );
  });

  it('any combination of filters keeps a subset of the place filter alone (property)', () => {
    const states = fc.subarray([...DEMAND_STATES]);
    fc.assert(
      fc.property(states, fc.boolean(), (statuses, overdue) => {
        const all = ids({ scope: 'xg.gyj' });
        const some = ids({ scope: 'xg.gyj', statuses, overdue });
        expect(some.every((id) => all.includes(id))).toBe(true);
      }),
    );
  });

  it('sorts newest first with a stable tie-break', () => {
    const sorted = [
      row('b', 'xg'),
      row('a', 'xg'),
      row('c', 'xg', { receivedAt: '2027-01-01T00:00:00.000Z' }),
    ].sort(byReceivedDesc);
    expect(sorted.map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });

  it('keeps only the ledger fields of a document', () => {
    const doc = {
      ...row('x', 'xg.gyj'),
      createdAt: AT,
      createdBy: 'd',
      updatedAt: AT,
      updatedBy: 'd',
      description: '楼道堆物',
      reasonable: true,
      reopenedCount: 0,
      reporterPhone: '13900001234',
    } satisfies DemandDoc;
    const out = toLedgerRow(doc);
    expect(out).not.toHaveProperty('reporterPhone');
    expect(out).not.toHaveProperty('dueAt');
    expect(out.title).toBe('x');
  });
});

describe('ledger counts rolled up the place tree', () => {
  const rows = [
    row('a', 'xg.gyj.y2.b1.e1'),
    row('b', 'xg.gyj.y2.b1.e1.f3'), // a floor without a place document counts for its entrance
    row('c', 'xg.gyj.y2'),
    row('d', 'xg.gyj.y4'),
    row('e', 'xg.gyj'),
    row('f', 'xg.hxl'),
  ];

  it('counts per scope', () => {
    expect(countByScope(rows).get('xg.gyj.y2.b1.e1')).toBe(1);
  });

  it('gives each child place the demands of its subtree, and the rest as the place’s own', () => {
    const community = ledgerCounts(TREE, rows, 'xg.gyj');
    expect(community.total).toBe(5);
    expect(community.own).toBe(1);
    expect(community.children.map((c) => [c.place.name, c.count])).toEqual([
      ['高原街2号院', 3],
      ['高原街4号院', 1],
    ]);
    const street = ledgerCounts(TREE, rows, 'xg');
    expect(street.total).toBe(6);
    expect(street.children.map((c) => [c.place.scope, c.count])).toEqual([
      ['xg.gyj', 5],
      ['xg.hxl', 1],
      ['xg.gyj0', 0],
    ]);
    expect(ledgerCounts(TREE, rows, 'xg.gyj.y2.b1.e1')).toEqual({ total: 2, own: 2, children: [] });
  });

  it('shows a venue only when demands were recorded there', () => {
    const withVenue = ledgerCounts(TREE, [...rows, row('v', 'xg.gyj.v1')], 'xg.gyj');
    expect(withVenue.children.map((c) => c.place.scope)).toContain('xg.gyj.v1');
  });

  it('the children and own counts always add up to the total (property)', () => {
    const scopes = PLACES.map((p) => p.scope).concat(['xg.gyj.y2.b1.e1.f9', 'xg.gyj.y4.b7']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...scopes), { maxLength: 60 }), (picked) => {
        const list = picked.map((scope, i) => row(String(i), scope));
        for (const at of ['xg', 'xg.gyj', 'xg.gyj.y2']) {
          const counts = ledgerCounts(TREE, list, at);
          const sum = counts.children.reduce((s, c) => s + c.count, 0) + counts.own;
          expect(sum).toBe(counts.total);
          expect(counts.total).toBe(list.filter((r) => liesUnder(r.scope, at)).length);
        }
      }),
    );
  });
});
