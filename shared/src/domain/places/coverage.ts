import type { PersonRole } from '#shared/domain/vocab';
import type { PersonDoc, PlaceDoc } from '#shared/schema/index';

/** The leader each self-governance level needs: 门长 per entrance, 楼长 per building, 院长 per courtyard. */
export const LEADER_FOR_KIND = {
  entrance: 'doorLeader',
  building: 'buildingLeader',
  courtyard: 'courtyardLeader',
} as const satisfies Partial<Record<PlaceDoc['kind'], PersonRole>>;

export type CoveredKind = keyof typeof LEADER_FOR_KIND;

export interface CoverageGap {
  placeId: string;
  scope: string;
  name: string;
  kind: CoveredKind;
  role: PersonRole;
}

/** A term is active from its appointment (inclusive) until it ceases (exclusive). */
export function isTermActive(term: { appointedAt: string; ceasedAt?: string }, at: string): boolean {
  return term.appointedAt <= at && (term.ceasedAt === undefined || at < term.ceasedAt);
}

/**
 * The entrances, buildings and courtyards that have no active leader at `at` (an ISO time),
 * in scope order. Roles of people who are no longer active (moved away) do not count.
 */
export function coverage(
  places: readonly PlaceDoc[],
  people: readonly PersonDoc[],
  at: string,
): CoverageGap[] {
  const covered = new Set<string>();
  for (const person of people) {
    if (!person.active) continue;
    for (const term of person.roles) {
      if (isTermActive(term, at)) covered.add(`${term.role}@${term.placeScope}`);
    }
  }
  const gaps: CoverageGap[] = [];
  for (const place of places) {
    if (!(place.kind in LEADER_FOR_KIND)) continue;
    const kind = place.kind as CoveredKind;
    const role = LEADER_FOR_KIND[kind];
    if (!covered.has(`${role}@${place.scope}`)) {
      gaps.push({ placeId: place.id, scope: place.scope, name: place.name, kind, role });
    }
  }
  return gaps.sort((a, b) => (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0));
}

/** How many places of each kind there are and how many lack a leader (for the coverage card). */
export function coverageSummary(
  places: readonly PlaceDoc[],
  gaps: readonly CoverageGap[],
): Record<CoveredKind, { total: number; uncovered: number }> {
  const summary: Record<CoveredKind, { total: number; uncovered: number }> = {
    entrance: { total: 0, uncovered: 0 },
    building: { total: 0, uncovered: 0 },
    courtyard: { total: 0, uncovered: 0 },
  };
  for (const place of places)
    if (place.kind in LEADER_FOR_KIND) summary[place.kind as CoveredKind].total += 1;
  for (const gap of gaps) summary[gap.kind].uncovered += 1;
  return summary;
}
