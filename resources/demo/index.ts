// The demo street (小关街道): a deterministic, realistic data set for first runs, demonstrations
// and benchmarks. Same seed, same time, same scale → the same documents with the same ids, so
// loading it twice changes nothing.
import { COLLECTION_NAMES, type CollectionName } from '#shared/domain/vocab';
import type { AuditEntryDoc } from '#shared/schema/index';
import {
  base,
  beijingAt,
  createContext,
  DAY,
  DEMO_DEVICE,
  iso,
  type DemoContext,
  type DemoData,
} from './context';
import { generateCases } from './cases';
import { deliberate } from './deliberation';
import { generateDemands } from './demands';
import { evaluate } from './evaluation';
import { generateOrganizations } from './organizations';
import { generatePeople } from './people';
import { generatePlaces } from './places';
import { generateProjects } from './projects';
import { generateTasks } from './tasks';
import { generateTopics } from './topics';
import { keepWaitingDecisionsOpen } from './waiting-decisions';

export type { DemoData } from './context';

export interface DemoOptions {
  seed: number;
  /** The generation time (ISO); the data covers the year before it. */
  now: string;
  /** 1 = the street as it is; 10 or 100 multiply demands and what follows from them. */
  scale?: number;
}

export function generateDemoStreet({ seed, now, scale = 1 }: DemoOptions): DemoData {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`Invalid scale: ${scale}`);
  const ctx = createContext(seed, now, scale);
  const layout = generatePlaces(ctx);
  const orgs = generateOrganizations(ctx, layout);
  const people = generatePeople(ctx, layout);
  const demands = generateDemands(ctx, layout, people);
  const { topics, meetings: plans } = generateTopics(ctx, layout, people, orgs, demands);
  const talks = deliberate(ctx, layout, people, orgs, plans);
  const work = generateTasks(ctx, people, orgs, topics, talks.decisionOf);
  keepWaitingDecisionsOpen(topics, demands, talks.decisionOf, work.tasks);
  const projects = generateProjects(ctx, layout, people, orgs, topics, talks.meetings);
  const meetings = [...talks.meetings, ...projects.meetings];
  const followUps = [...work.followUps, ...evaluate(ctx, people, demands, topics), ...projects.followUps];
  return {
    places: layout.places,
    people: people.all,
    organizations: orgs.all,
    demands,
    topics,
    meetings,
    meetingRecords: [...talks.records, ...projects.records],
    tasks: work.tasks,
    followUps: followUps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    projects: projects.projects,
    cases: generateCases(ctx, layout, topics, meetings, work.tasks),
    auditTrail: auditEntries(
      ctx,
      demands.filter((d) => d.hotlineOrderNo !== undefined).map((d) => d.receivedAt),
    ),
  };
}

/** Monthly 12345 imports, and the generation itself. */
function auditEntries(ctx: DemoContext, hotlineTimes: string[]): AuditEntryDoc[] {
  const byMonth = new Map<string, number>();
  for (const at of hotlineTimes) byMonth.set(at.slice(0, 7), (byMonth.get(at.slice(0, 7)) ?? 0) + 1);
  const entry = (at: number, action: string, detail: string): AuditEntryDoc => ({
    ...base(ctx.nextId('audit'), 'xg', at),
    at: iso(at),
    actor: 'actor-demo',
    device: DEMO_DEVICE,
    action,
    targetCollection: 'demands',
    detail,
  });
  const out = [...byMonth.entries()].map(([month, count]) => {
    const monthEnd = Math.min(Date.parse(`${month}-01T00:00:00.000Z`) + 31 * DAY, ctx.now);
    return entry(beijingAt(monthEnd - DAY, 17), 'hotline.import', `导入${month}月12345工单${count}条`);
  });
  out.push({ ...entry(ctx.now, 'demo.generate', `生成示例街道（规模×${ctx.scale}）`) });
  return out;
}

/** Documents per collection, e.g. for the device screen and the benchmarks. */
export function demoCounts(data: DemoData): Record<CollectionName, number> & { total: number } {
  const counts = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, data[name].length])) as Record<
    CollectionName,
    number
  >;
  return { ...counts, total: COLLECTION_NAMES.reduce((sum, name) => sum + counts[name], 0) };
}
