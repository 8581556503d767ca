// The place tree: 街道 → 10 社区 → ~50 院 → ~600 楼 → 2–6 门 each (a few with 层), plus venues.
import { initials } from '#shared/domain/text/pinyin';
import type { PlaceDoc } from '#shared/schema/index';
import { base, DAY, officeTime, type DemoContext } from './context';
import { COMMUNITIES, COMMUNITY_VENUES, STREET } from './names';

export interface BuildingInfo {
  place: PlaceDoc;
  entrances: PlaceDoc[];
  /** Floors registered under an entrance (only where a 层长 is appointed). */
  floors: PlaceDoc[];
}

export interface CourtyardInfo {
  place: PlaceDoc;
  buildings: BuildingInfo[];
  /** A courtyard deliberation corner (楼院议事角), where there is one. */
  venue?: PlaceDoc;
}

export interface CommunityInfo {
  place: PlaceDoc;
  hall: PlaceDoc;
  venues: PlaceDoc[];
  courtyards: CourtyardInfo[];
}

export interface StreetLayout {
  street: PlaceDoc;
  streetHall: PlaceDoc;
  communities: CommunityInfo[];
  places: PlaceDoc[];
}

const ENTRANCE_COUNTS = [
  [2, 35],
  [3, 35],
  [4, 18],
  [5, 8],
  [6, 4],
] as const;

export function generatePlaces(ctx: DemoContext): StreetLayout {
  const { rng } = ctx;
  const places: PlaceDoc[] = [];
  const registeredAt = officeTime(rng, ctx.now - 730 * DAY);

  const add = (
    parent: PlaceDoc | null,
    kind: PlaceDoc['kind'],
    name: string,
    code: string,
    order: number,
    extra: Partial<PlaceDoc> = {},
  ): PlaceDoc => {
    const scope = parent ? `${parent.scope}.${code}` : code;
    const doc: PlaceDoc = {
      ...base(ctx.nextId('place'), scope, registeredAt),
      kind,
      name,
      parentId: parent ? parent.id : null,
      code,
      initials: initials(name),
      order,
      ...extra,
    };
    places.push(doc);
    return doc;
  };

  const street = add(null, 'street', STREET.name, STREET.code, 0, { address: STREET.address });
  const streetHall = add(street, 'venue', '小关街道党群服务中心议事厅', 'v1', 100, { venueType: 'hall' });

  const communities = COMMUNITIES.map((def, ci): CommunityInfo => {
    const community = add(street, 'community', def.name, def.code, ci + 1, {
      address: `${STREET.address}${def.street}`,
    });
    const hall = add(community, 'venue', `${def.name}议事厅`, 'v1', 100, { venueType: 'hall' });
    const venues = [hall];
    rng.sample(COMMUNITY_VENUES, rng.int(1, 3)).forEach((venue, vi) => {
      const short = def.name.replace('社区', '');
      venues.push(
        add(community, 'venue', short + venue.suffix, `v${vi + 2}`, 101 + vi, { venueType: venue.venueType }),
      );
    });

    const courtyards = def.numbers.map((number, yi): CourtyardInfo => {
      const name = `${def.street}${number}号院`;
      const courtyard = add(community, 'courtyard', name, initials(`${def.street}${number}`), yi + 1, {
        address: `${STREET.address}${name}`,
      });
      const buildings: BuildingInfo[] = [];
      const buildingCount = rng.int(7, 18);
      for (let b = 1; b <= buildingCount; b += 1) {
        const building = add(courtyard, 'building', `${b}号楼`, `b${b}`, b);
        const entrances: PlaceDoc[] = [];
        const floors: PlaceDoc[] = [];
        const entranceCount = rng.weighted(ENTRANCE_COUNTS);
        for (let e = 1; e <= entranceCount; e += 1) {
          const entrance = add(building, 'entrance', `${e}单元`, `e${e}`, e);
          entrances.push(entrance);
          // High-rise entrances sometimes appoint floor leaders (层长); their floors are registered.
          if (rng.chance(0.012)) {
            for (let f = 1; f <= 6; f += 1) floors.push(add(entrance, 'floor', `${f}层`, `f${f}`, f));
          }
        }
        buildings.push({ place: building, entrances, floors });
      }
      const venue = rng.chance(0.4)
        ? add(courtyard, 'venue', `${name}议事角`, 'v1', 100, { venueType: 'courtyardCorner' })
        : undefined;
      return venue ? { place: courtyard, buildings, venue } : { place: courtyard, buildings };
    });
    return { place: community, hall, venues, courtyards };
  });

  return { street, streetHall, communities, places };
}

export function allCourtyards(
  layout: StreetLayout,
): { community: CommunityInfo; courtyard: CourtyardInfo }[] {
  return layout.communities.flatMap((community) =>
    community.courtyards.map((courtyard) => ({ community, courtyard })),
  );
}
