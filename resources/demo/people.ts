// People: leaders with terms (院长/楼长/门长/层长, some ceased, some places left uncovered),
// 包楼包院 workers, resident representatives, party members, volunteers and residents.
import { liesBelow } from '#shared/domain/places/index';
import { initials } from '#shared/domain/text/pinyin';
import type { PersonRole, Vulnerability } from '#shared/domain/vocab';
import type { PersonDoc, PersonRoleTerm, PlaceDoc } from '#shared/schema/index';
import { base, DAY, iso, officeTime, type DemoContext } from './context';
import { fictionalPhone, personName } from './names';
import type { CourtyardInfo, StreetLayout } from './places';

export interface PeopleIndex {
  all: PersonDoc[];
  courtyardLeaderOf: Map<string, PersonDoc>;
  /** Active 楼长/门长 by courtyard scope. */
  leadersIn: Map<string, PersonDoc[]>;
  /** 包楼包院 workers by community scope, and the one responsible for each courtyard. */
  workersOf: Map<string, PersonDoc[]>;
  workerOfCourtyard: Map<string, PersonDoc>;
  repsOf: Map<string, PersonDoc[]>;
  /** Everyone living in a community (leaders included), by community scope. */
  residentsOf: Map<string, PersonDoc[]>;
}

const VULNERABILITY_WEIGHTS: [Vulnerability, number][] = [
  ['elderlyAlone', 40],
  ['disabled', 20],
  ['lowIncome', 20],
  ['seriouslyIll', 10],
  ['child', 10],
];

export function generatePeople(ctx: DemoContext, layout: StreetLayout): PeopleIndex {
  const { rng, now } = ctx;
  const all: PersonDoc[] = [];
  let phones = 0;

  const term = (role: PersonRole, placeScope: string, ceased = false): PersonRoleTerm => {
    if (!ceased)
      return { role, placeScope, appointedAt: iso(officeTime(rng, now - rng.int(30, 1500) * DAY)) };
    const ceasedAt = officeTime(rng, now - rng.int(10, 300) * DAY);
    return {
      role,
      placeScope,
      appointedAt: iso(ceasedAt - rng.int(300, 1500) * DAY),
      ceasedAt: iso(ceasedAt),
    };
  };

  const person = (
    home: PlaceDoc,
    roles: PersonRoleTerm[],
    born: [number, number],
    options: { active?: boolean; vulnerable?: boolean; address?: string } = {},
  ): PersonDoc => {
    const gender = rng.chance(0.56) ? 'female' : 'male';
    const name = personName(rng, gender);
    const since = Math.min(now, Date.parse(roles[0]?.appointedAt ?? iso(now - 400 * DAY)));
    const vulnerabilities = options.vulnerable ? [rng.weighted(VULNERABILITY_WEIGHTS)] : [];
    const doc: PersonDoc = {
      ...base(ctx.nextId('person'), home.scope, since),
      name,
      initials: initials(name, 'person'),
      placeId: home.id,
      gender,
      birthYear: rng.int(born[0], born[1]),
      phone: fictionalPhone('139', (phones += 1)),
      roles,
      vulnerabilities,
      active: options.active ?? true,
    };
    if (options.address) doc.addressDetail = options.address;
    all.push(doc);
    return doc;
  };

  const flat = (courtyard: CourtyardInfo, entrance: PlaceDoc): string => {
    const building = courtyard.buildings.find((b) => b.entrances.includes(entrance));
    return `${courtyard.place.name}${building?.place.name ?? ''}${entrance.name}${rng.int(1, 6)}0${rng.int(1, 4)}`;
  };
  const elder: [number, number] = [1942, 1972];
  const courtyardLeaderOf = new Map<string, PersonDoc>();
  const leadersIn = new Map<string, PersonDoc[]>();
  const workersOf = new Map<string, PersonDoc[]>();
  const workerOfCourtyard = new Map<string, PersonDoc>();
  const repsOf = new Map<string, PersonDoc[]>();
  const residentsOf = new Map<string, PersonDoc[]>();

  for (const community of layout.communities) {
    const cScope = community.place.scope;
    const start = all.length;
    const entrances = community.courtyards.flatMap((y) =>
      y.buildings.flatMap((b) => b.entrances.map((e) => ({ y, e }))),
    );
    const extraRoles = (): PersonRoleTerm[] => [
      ...(rng.chance(0.35) ? [term('partyMember', cScope)] : []),
      ...(rng.chance(0.2) ? [term('volunteer', cScope)] : []),
    ];

    for (const courtyard of community.courtyards) {
      const yScope = courtyard.place.scope;
      const leaders: PersonDoc[] = [];
      const anyEntrance = () => rng.pick(rng.pick(courtyard.buildings).entrances);
      if (rng.chance(0.92)) {
        const home = anyEntrance();
        const leader = person(home, [term('courtyardLeader', yScope), ...extraRoles()], elder, {
          address: flat(courtyard, home),
        });
        courtyardLeaderOf.set(yScope, leader);
      } else {
        // The last 院长 stepped down and nobody has taken over yet.
        const home = anyEntrance();
        person(home, [term('courtyardLeader', yScope, true)], elder, { address: flat(courtyard, home) });
      }
      for (const building of courtyard.buildings) {
        let coveredByBuildingLeader: PlaceDoc | undefined;
        if (rng.chance(0.92)) {
          const home = rng.pick(building.entrances);
          const roles = [term('buildingLeader', building.place.scope)];
          // Often the 楼长 is also the 门长 of the entrance they live in.
          if (rng.chance(0.6)) {
            roles.push(term('doorLeader', home.scope));
            coveredByBuildingLeader = home;
          }
          leaders.push(person(home, [...roles, ...extraRoles()], elder, { address: flat(courtyard, home) }));
        }
        for (const entrance of building.entrances) {
          if (entrance === coveredByBuildingLeader) continue;
          if (rng.chance(0.62)) {
            leaders.push(
              person(entrance, [term('doorLeader', entrance.scope), ...extraRoles()], elder, {
                address: flat(courtyard, entrance),
              }),
            );
          } else if (rng.chance(0.12)) {
            // A former 门长 who moved away: the entrance is uncovered now.
            person(entrance, [term('doorLeader', entrance.scope, true)], elder, {
              active: rng.chance(0.5),
              address: flat(courtyard, entrance),
            });
          }
        }
        for (const floor of building.floors) {
          if (!rng.chance(0.8)) continue;
          const entrance =
            building.entrances.find((e) => liesBelow(floor.scope, e.scope)) ?? building.entrances[0];
          if (entrance)
            person(entrance, [term('floorLeader', floor.scope)], elder, {
              address: flat(courtyard, entrance),
            });
        }
      }
      leadersIn.set(yScope, leaders);
    }

    const workers: PersonDoc[] = [];
    for (let w = 0; w < 8; w += 1) workers.push(person(community.place, [], [1982, 2001]));
    community.courtyards.forEach((courtyard, i) => {
      const main = workers[i % workers.length] as PersonDoc;
      main.roles.push(term('assignedWorker', courtyard.place.scope));
      workerOfCourtyard.set(courtyard.place.scope, main);
      const helper = workers[(i + 3) % workers.length] as PersonDoc;
      if (helper !== main && rng.chance(0.5))
        helper.roles.push(term('assignedWorker', courtyard.place.scope));
    });
    workersOf.set(cScope, workers);

    const resident = (roles: PersonRoleTerm[], born: [number, number], vulnerable = false) => {
      const { y, e } = rng.pick(entrances);
      return person(e, roles, born, { vulnerable, address: flat(y, e) });
    };
    repsOf.set(
      cScope,
      Array.from({ length: 15 }, () => resident([term('residentRep', cScope)], [1950, 1985])),
    );
    for (let i = 0; i < 10; i += 1) resident([term('partyMember', cScope)], [1945, 1995]);
    for (let i = 0; i < 12; i += 1) resident([term('volunteer', cScope)], [1950, 2004]);
    for (let i = 0; i < 150; i += 1) resident([], [1935, 2005], rng.chance(0.12));
    residentsOf.set(
      cScope,
      all.slice(start).filter((p) => p.active && p.placeId !== community.place.id),
    );
  }
  return { all, courtyardLeaderOf, leadersIn, workersOf, workerOfCourtyard, repsOf, residentsOf };
}
