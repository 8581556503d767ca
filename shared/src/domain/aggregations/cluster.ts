import type { DemandCategory } from '#shared/domain/vocab';
import { CATEGORY_LABELS, commonAncestor, type DemandFacts, type PlaceFacts } from './facts';
import { placeIndex, placeNearness, type PlaceIndex } from './nearness';
import { cosine, tfidfVectors } from './text';

// 从解决一个到解决一类: candidate classes of demands for a topic. Demands of one category are
// linked when textWeight × text similarity + placeWeight × place nearness reaches minScore;
// linked groups (connected components) of at least minSize demands are candidate classes.

export interface ClusterOptions {
  readonly textWeight?: number;
  readonly placeWeight?: number;
  readonly minScore?: number;
  readonly minSize?: number;
}

export interface DemandClass {
  readonly demandIds: string[];
  readonly category: DemandCategory;
  /** The deepest place all the demands lie under. */
  readonly scope: string;
  /** Mean pair score over all pairs of the class, 0…1. */
  readonly score: number;
  readonly reasons: string[];
}

type ClusterDemand = Pick<DemandFacts, 'id' | 'scope' | 'title' | 'description' | 'category' | 'receivedAt'> &
  Partial<Pick<DemandFacts, 'status' | 'duplicateOf'>>;

const textOf = (d: { title: string; description: string }) => `${d.title} ${d.description}`;
const round2 = (n: number) => Math.round(n * 100) / 100;

function placeReason(index: PlaceIndex, scopes: readonly string[]): string {
  const courtyards = new Set(scopes.map((s) => index.courtyardOf(s)));
  const [courtyard] = courtyards;
  if (courtyards.size === 1 && courtyard !== undefined) return `同一院落: ${index.label(courtyard)}`;
  const communities = new Set(scopes.map((s) => index.communityOf(s)));
  const [community] = communities;
  if (communities.size === 1 && community !== undefined) return `同一社区: ${index.label(community)}`;
  return `涉及 ${new Set(scopes.map((s) => index.courtyardOf(s) ?? s)).size} 处院落或社区`;
}

export function clusterDemands(
  demands: readonly ClusterDemand[],
  places?: readonly PlaceFacts[],
  options: ClusterOptions = {},
): DemandClass[] {
  const { textWeight = 0.7, placeWeight = 0.3, minScore = 0.25, minSize = 2 } = options;
  const index = placeIndex(places);
  const usable = demands.filter((d) => d.status !== 'duplicate' && d.duplicateOf === undefined);
  const vectors = tfidfVectors(usable.map(textOf));
  const byCategory = new Map<DemandCategory, number[]>();
  usable.forEach((d, i) => {
    const members = byCategory.get(d.category);
    if (members) members.push(i);
    else byCategory.set(d.category, [i]);
  });

  const classes: DemandClass[] = [];
  for (const [category, members] of byCategory) {
    const parent = new Map(members.map((i) => [i, i]));
    const find = (i: number): number => {
      let root = i;
      while (parent.get(root) !== root) root = parent.get(root) as number;
      parent.set(i, root);
      return root;
    };
    const pair = new Map<string, { text: number; score: number }>();
    for (let x = 0; x < members.length; x += 1) {
      for (let y = x + 1; y < members.length; y += 1) {
        const [i, j] = [members[x] as number, members[y] as number];
        const text = cosine(vectors[i] as Map<string, number>, vectors[j] as Map<string, number>);
        const score =
          textWeight * text + placeWeight * placeNearness(index, usable[i]!.scope, usable[j]!.scope);
        pair.set(`${i}/${j}`, { text, score });
        if (score >= minScore) parent.set(find(i), find(j));
      }
    }
    const groups = new Map<number, number[]>();
    for (const i of members) {
      const group = groups.get(find(i));
      if (group) group.push(i);
      else groups.set(find(i), [i]);
    }
    for (const group of groups.values()) {
      if (group.length < Math.max(2, minSize)) continue;
      let text = 0;
      let score = 0;
      let pairs = 0;
      for (let x = 0; x < group.length; x += 1) {
        for (let y = x + 1; y < group.length; y += 1) {
          const [i, j] = [group[x] as number, group[y] as number].sort((a, b) => a - b);
          const p = pair.get(`${i}/${j}`) as { text: number; score: number };
          text += p.text;
          score += p.score;
          pairs += 1;
        }
      }
      const items = group
        .map((i) => usable[i] as ClusterDemand)
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
      const scopes = items.map((d) => d.scope);
      classes.push({
        demandIds: items.map((d) => d.id),
        category,
        scope: commonAncestor(scopes),
        score: round2(score / pairs),
        reasons: [
          `同属${CATEGORY_LABELS[category]}`,
          placeReason(index, scopes),
          `描述相似度 ${(text / pairs).toFixed(2)}`,
        ],
      });
    }
  }
  return classes.sort(
    (a, b) =>
      b.score - a.score ||
      b.demandIds.length - a.demandIds.length ||
      a.demandIds[0]!.localeCompare(b.demandIds[0]!),
  );
}

export interface DemandDraft {
  readonly title: string;
  readonly description: string;
  readonly category?: DemandCategory;
  readonly scope?: string;
}

export interface SimilarDemand {
  readonly demandId: string;
  readonly score: number;
  readonly reasons: string[];
}

/**
 * Duplicate hints for the intake screen: open demands most like the draft, scored
 * 0.7 × text + 0.15 × same category + 0.15 × place nearness; those under `minScore` are left out.
 */
export function similarDemands(
  draft: DemandDraft,
  openDemands: readonly ClusterDemand[],
  limit = 5,
  options: { places?: readonly PlaceFacts[]; minScore?: number } = {},
): SimilarDemand[] {
  const { minScore = 0.3 } = options;
  const index = placeIndex(options.places);
  const [draftVector, ...vectors] = tfidfVectors([textOf(draft), ...openDemands.map(textOf)]);
  const results: SimilarDemand[] = openDemands.map((demand, i) => {
    const text = cosine(draftVector as Map<string, number>, vectors[i] as Map<string, number>);
    const sameCategory = draft.category !== undefined && draft.category === demand.category;
    const near = draft.scope === undefined ? 0 : placeNearness(index, draft.scope, demand.scope);
    const reasons = [`描述相似度 ${text.toFixed(2)}`];
    if (sameCategory) reasons.unshift(`同属${CATEGORY_LABELS[demand.category]}`);
    if (near === 1) reasons.push(`同一院落: ${index.label(index.courtyardOf(demand.scope) as string)}`);
    else if (near === 0.5)
      reasons.push(`同一社区: ${index.label(index.communityOf(demand.scope) as string)}`);
    return {
      demandId: demand.id,
      score: round2(0.7 * text + (sameCategory ? 0.15 : 0) + 0.15 * near),
      reasons,
    };
  });
  return results
    .filter((r) => r.score >= minScore)
    .sort((a, b) => b.score - a.score || a.demandId.localeCompare(b.demandId))
    .slice(0, Math.max(0, limit));
}
