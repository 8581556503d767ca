// Finding the place of a work order: 12345 gives a community name (社区) and a free-text address;
// the place tree knows communities, courtyards (院), buildings (楼) and entrances (单元). The
// deepest place the text names for sure wins; nothing is guessed beyond what the text says.
import type { PlaceDoc } from '#shared/schema/index';

export type MatchablePlace = Pick<PlaceDoc, 'id' | 'scope' | 'kind' | 'name' | 'parentId'>;

export interface PlaceMatch {
  readonly place: MatchablePlace;
  /** How it was found, for the preview ("地址匹配到院落" …). */
  readonly via: 'address' | 'courtyard' | 'community';
}

export interface PlaceMatcher {
  match(input: { community?: string; courtyard?: string; address?: string }): PlaceMatch | undefined;
  /** Whether a community name is known (to tell "unknown community" from "no courtyard found"). */
  knowsCommunity(name: string): boolean;
}

const strip = (s: string) => s.replace(/[\s\u3000]/g, '');
const communityKey = (name: string) =>
  strip(name)
    .replace(/(居民委员会|居委会|社区居委会)$/, '')
    .replace(/社区$/, '');
/** 惠新东街6号院 is also written 惠新东街6号. */
const courtyardKeys = (name: string) => {
  const n = strip(name);
  return n.endsWith('院') ? [n, n.slice(0, -1)] : [n];
};

/** The digit run in a name like "3号楼" / "2单元" (where the text names it exactly). */
function numbered(text: string, suffix: RegExp): string | undefined {
  const m = new RegExp(`(?:^|[^0-9])(\\d{1,3})(?:${suffix.source})`).exec(text);
  return m?.[1];
}

export function createPlaceMatcher(places: readonly MatchablePlace[]): PlaceMatcher {
  const childrenOf = new Map<string, MatchablePlace[]>();
  for (const p of places) {
    if (p.parentId === null) continue;
    const list = childrenOf.get(p.parentId);
    if (list) list.push(p);
    else childrenOf.set(p.parentId, [p]);
  }
  const communities = new Map<string, MatchablePlace>();
  for (const p of places) if (p.kind === 'community') communities.set(communityKey(p.name), p);
  // Longest keys first, so 惠新里201号 is tried before 惠新里2号 could ever be.
  const courtyards: { key: string; place: MatchablePlace }[] = places
    .filter((p) => p.kind === 'courtyard')
    .flatMap((p) => courtyardKeys(p.name).map((key) => ({ key, place: p })))
    .sort((a, b) => b.key.length - a.key.length);

  const findCommunity = (name: string | undefined) => {
    if (!name || strip(name) === '') return undefined;
    const key = communityKey(name);
    return communities.get(key) ?? [...communities.entries()].find(([k]) => key.includes(k))?.[1];
  };

  const courtyardIn = (text: string, within: MatchablePlace | undefined) => {
    const t = strip(text);
    for (const { key, place } of courtyards) {
      if (within && place.parentId !== within.id) continue;
      // Keys end in 号 or 院, so 惠新里2号 can never match inside 惠新里21号 or 惠新里201号.
      const at = t.indexOf(key);
      if (at >= 0) return { place, rest: t.slice(at + key.length) };
    }
    return undefined;
  };

  const deeper = (courtyard: MatchablePlace, rest: string): MatchablePlace => {
    const b = numbered(rest, /号楼|栋|幢/);
    const building = b
      ? childrenOf.get(courtyard.id)?.find((p) => p.kind === 'building' && p.name === `${b}号楼`)
      : undefined;
    if (!building) return courtyard;
    const afterBuilding = rest.slice(rest.search(/号楼|栋|幢/) + 1);
    const e = numbered(afterBuilding, /单元|门/);
    const entrance = e
      ? childrenOf.get(building.id)?.find((p) => p.kind === 'entrance' && p.name === `${e}单元`)
      : undefined;
    return entrance ?? building;
  };

  return {
    knowsCommunity: (name) => findCommunity(name) !== undefined,
    match({ community, courtyard, address }) {
      const home = findCommunity(community);
      for (const [text, via] of [
        [courtyard, 'courtyard'],
        [address, 'address'],
      ] as const) {
        if (!text) continue;
        const found = courtyardIn(text, home) ?? (home ? undefined : courtyardIn(text, undefined));
        if (found) {
          const rest =
            via === 'courtyard' && address
              ? (courtyardIn(address, home)?.rest ?? strip(address))
              : found.rest;
          return { place: deeper(found.place, rest), via };
        }
      }
      if (home) return { place: home, via: 'community' };
      return undefined;
    },
  };
}
