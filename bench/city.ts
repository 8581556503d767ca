// The hub at city scale (issue 18, point 6; opt-in: `npm run bench -- --only=city`): one
// PostgreSQL database holding ~1,000,000 documents (bench/city-seed.ts), two hub processes on it
// behind one address (bench/city-proxy.ts), 2,000 enrolled devices holding event streams. Measures
// the first sync of one street-sized scope against the same scope on a hub holding only the demo
// street, the plan of the pull's scope query, hub memory per open stream, A → B propagation while
// the others stream, and push throughput.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { liesUnder } from '#shared/domain/places/index';
import type { DemoData } from '#resources/demo/index';
import { generateHubKey } from '../hub/src/store/pii-seal';
import { createTempDatabase } from '../hub/src/testing/pg';
import type { TempDatabase } from '../hub/src/testing/pg';
import { enrollDevice, startHubProcess } from '../hub/src/testing/process';
import type { HubProcess } from '../hub/src/testing/process';
import { measureAB } from './ab-latency';
import { inParallel, sleep } from './child';
import { firstSync, scopePlans } from './city-probe';
import type { ScopePlan } from './city-probe';
import { startRoundRobinProxy } from './city-proxy';
import type { RoundRobinProxy } from './city-proxy';
import { copyRewriter, seedCity, streetCode, templatesOf } from './city-seed';
import { pushDemands } from './city-push';
import { memoryProbeEnv, probeMemory } from './machine';
import type { ProbedMemory } from './machine';
import { quantile, summarize } from './stats';
import type { Summary } from './stats';

export interface CityConfig {
  /** Copies of the demo street (11,312 documents each): 89 make 1,006,768. */
  streets: number;
  /** Devices holding event streams, A and B included. */
  devices: number;
  processes: number;
  syncRuns: number;
  pageSize: number;
  propagationRuns: number;
  changesPerRun: number;
  gapMs: number;
  pushDocuments: number;
  pushRuns: number;
}

export const CITY_FULL: CityConfig = {
  streets: 89,
  devices: 2000,
  processes: 2,
  syncRuns: 9,
  pageSize: 1000,
  propagationRuns: 5,
  changesPerRun: 20,
  gapMs: 150,
  pushDocuments: 10_000,
  pushRuns: 3,
};

export const CITY_QUICK: CityConfig = {
  ...CITY_FULL,
  streets: 3,
  devices: 20,
  syncRuns: 1,
  propagationRuns: 1,
  changesPerRun: 5,
  pushDocuments: 1000,
  pushRuns: 1,
};

export interface CityResult {
  config: CityConfig;
  documents: number;
  perStreet: number;
  seedSeconds: number;
  plans: ScopePlan[];
  /** The same plans on the demo street's database, for comparison. */
  demoPlans: ScopePlan[];
  /** First sync of one street-sized scope, documents/s: on the city hub and on the demo street's hub. */
  firstSync: { documents: number; city: Summary; demo: Summary; ratio: Summary };
  streams: number;
  /** Per hub process, after a full collection: RSS and V8 heap before the streams opened and with them open. */
  rssBeforeMiB: number[];
  rssAfterMiB: number[];
  heapBeforeMiB: number[];
  heapAfterMiB: number[];
  /** Growth of both processes' RSS (and of V8 heap + external memory) divided by the streams opened. */
  perStreamKiB: number;
  heapPerStreamKiB: number;
  propagation: {
    changes: number;
    p50: Summary;
    p95: Summary;
    pooled: { p50: number; p95: number; max: number };
  };
  crowdChanges: number;
  pushPerSecond: Summary;
  /** Connections the proxy handed to each hub process. */
  connections: number[];
  load: { start: number; end: number };
}

const MiB = 2 ** 20;

/** Memory of each hub process after a full collection, once the last requests have settled. */
async function settledMemory(hubs: HubProcess[]): Promise<ProbedMemory[]> {
  const probe = () =>
    Promise.all(hubs.map((h) => probeMemory(h.child.pid ?? 0, join(h.dataDir, 'memory.json'))));
  await sleep(3000);
  // Twice: the first collection's freed pages go back to the system only after a while.
  await probe();
  await sleep(3000);
  return probe();
}

export async function benchCity(options: {
  street: DemoData;
  config: CityConfig;
  postgresAdminUrl: string;
  log?: (line: string) => void;
}): Promise<CityResult> {
  const log = options.log ?? (() => undefined);
  const { config, street } = options;
  const load = { start: loadavg()[0] ?? 0, end: 0 };
  const folder = mkdtempSync(join(tmpdir(), 'yishi-bench-city-'));
  const keyFile = join(folder, 'hub-key');
  const key = generateHubKey();
  writeFileSync(keyFile, `${key.toString('base64')}\n`, { mode: 0o600 });
  const databases: TempDatabase[] = [];
  const hubs: HubProcess[] = [];
  const proxies: RoundRobinProxy[] = [];
  const crowd = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'crowd-main.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const crowdLines = createInterface({ input: crowd.stdout });
  const nextCrowdLine = () => new Promise<string>((r) => crowdLines.once('line', r));
  const startHubs = async (db: TempDatabase, count: number) => {
    const started: HubProcess[] = [];
    for (let i = 0; i < count; i += 1) {
      const dataDir = mkdtempSync(join(folder, 'hub-'));
      const env = {
        HUB_LOG_LEVEL: 'info',
        HUB_DATABASE_URL: db.url,
        HUB_KEY_FILE: keyFile,
        ...memoryProbeEnv(join(dataDir, 'memory.json')),
      };
      started.push(await startHubProcess({ dataDir, env }));
    }
    hubs.push(...started);
    const proxy = await startRoundRobinProxy(started.map((h) => h.url));
    proxies.push(proxy);
    return { hubs: started, proxy };
  };
  try {
    const cityDb = await createTempDatabase(options.postgresAdminUrl);
    databases.push(cityDb);
    const demoDb = await createTempDatabase(options.postgresAdminUrl);
    databases.push(demoDb);
    const seeded = await seedCity({ url: cityDb.url, piiKey: key, street, streets: config.streets, log });
    log(`  city: ${seeded.documents.toLocaleString('en-US')} documents in ${seeded.seconds.toFixed(0)} s`);
    await seedCity({ url: demoDb.url, piiKey: key, street, streets: 1 });
    const city = await startHubs(cityDb, config.processes);
    const demo = await startHubs(demoDb, 1);
    const [firstHub] = city.hubs as [HubProcess];
    log(`  ${config.processes} hub processes behind ${city.proxy.url}`);

    // The scope a first sync measures: a street in the middle of the city, and the same street alone.
    const measured = streetCode(Math.floor(config.streets / 2));
    const plans: ScopePlan[] = [];
    const demoPlans: ScopePlan[] = [];
    // The street device the first sync measures, and one of its communities (a narrower scope).
    for (const below of ['', '.gyj'])
      for (const collection of ['people', 'demands'] as const) {
        plans.push(...(await scopePlans(cityDb.url, measured + below, collection, config.pageSize)));
        demoPlans.push(...(await scopePlans(demoDb.url, streetCode(0) + below, collection, config.pageSize)));
      }
    for (const p of plans)
      log(`  plan ${p.scope} ${p.collection} ${p.query}: ${p.nodes.join(' > ')} (${p.executionMs} ms)`);
    const cityDevice = await enrollDevice(firstHub, measured, 'street-staff');
    const demoDevice = await enrollDevice(demo.hubs[0]!, streetCode(0), 'street-staff');
    const cityRates: number[] = [];
    const demoRates: number[] = [];
    for (let run = 0; run < config.syncRuns; run += 1) {
      // Alternating which goes first, so neither always meets the other's leftovers.
      const syncDemo = () => firstSync(demo.proxy.url, demoDevice.token, config.pageSize);
      const syncCity = () => firstSync(city.proxy.url, cityDevice.token, config.pageSize);
      const [d, c] =
        run % 2 === 0
          ? [await syncDemo(), await syncCity()]
          : await (async () => {
              const cityFirst = await syncCity();
              return [await syncDemo(), cityFirst] as const;
            })();
      if (d.documents !== seeded.perStreet || c.documents !== seeded.perStreet)
        throw new Error(`first sync: ${c.documents} and ${d.documents} of ${seeded.perStreet}`);
      demoRates.push(d.documents / d.seconds);
      cityRates.push(c.documents / c.seconds);
      log(
        `  first sync run ${run + 1}: city ${Math.round(cityRates.at(-1)!)} docs/s, demo street ${Math.round(demoRates.at(-1)!)} docs/s`,
      );
    }

    // The crowd: devices in every community of every street, all but A and B.
    const communities = street.places.filter((p) => p.kind === 'community').map((p) => p.code);
    const streams = config.devices - 2;
    const tokens = await inParallel(streams, 8, async (i) => {
      const community = communities[Math.floor(i / config.streets) % communities.length];
      return (await enrollDevice(firstHub, `${streetCode(i % config.streets)}.${community}`, 'viewer')).token;
    });
    log(`  ${streams} devices enrolled`);
    const before = await settledMemory(city.hubs);
    const opened = nextCrowdLine();
    crowd.stdin.write(JSON.stringify({ url: city.proxy.url, tokens }) + '\n');
    const answer = await opened;
    if (answer !== `open ${streams}`) throw new Error(`crowd: ${answer}`);
    const after = await settledMemory(city.hubs);
    const perStream = (key: keyof ProbedMemory) =>
      after.reduce((sum, m, i) => sum + m[key] - (before[i]?.[key] ?? 0), 0) / 1024 / streams;
    const perStreamKiB = perStream('rss');
    const heapPerStreamKiB = perStream('heapUsed') + perStream('external');
    log(
      `  ${streams} streams open: ${perStreamKiB.toFixed(1)} KiB RSS, ${heapPerStreamKiB.toFixed(1)} KiB heap each`,
    );

    const ids = new Set(templatesOf(street).map((t) => String(t.doc['id'])));
    const template = street.demands.find(
      (d) => liesUnder(d.scope, 'xg.gyj') && d.hotlineOrderNo === undefined,
    );
    if (!template) throw new Error('no demand of xg.gyj in the street');
    const perRun = await measureAB({
      url: city.proxy.url,
      enroll: (scope, role) => enrollDevice(firstHub, scope, role),
      scope: `${streetCode(0)}.gyj`,
      template: copyRewriter(ids, streetCode(0))(template) as Record<string, unknown>,
      runs: config.propagationRuns,
      changesPerRun: config.changesPerRun,
      gapMs: config.gapMs,
      log,
    });
    const pooled = perRun.flat().sort((x, y) => x - y);
    const p = (q: number) =>
      summarize(
        perRun.map((l) =>
          quantile(
            [...l].sort((x, y) => x - y),
            q,
          ),
        ),
      );

    const pushStreet = streetCode(1 % config.streets);
    const pusher = await enrollDevice(firstHub, pushStreet, 'street-staff');
    const rewrite = copyRewriter(ids, pushStreet);
    const pushRates = await pushDemands({
      url: city.proxy.url,
      device: pusher,
      templates: street.demands.map((d) => rewrite(d) as Record<string, unknown>),
      documentsPerRun: config.pushDocuments,
      runs: config.pushRuns,
      log,
    });
    const statsLine = nextCrowdLine();
    crowd.stdin.write('stats\n');
    const crowdStats = JSON.parse(await statsLine) as { changes: number };
    load.end = loadavg()[0] ?? 0;
    return {
      config,
      documents: seeded.documents,
      perStreet: seeded.perStreet,
      seedSeconds: seeded.seconds,
      plans,
      demoPlans,
      firstSync: {
        documents: seeded.perStreet,
        city: summarize(cityRates),
        demo: summarize(demoRates),
        ratio: summarize(cityRates.map((c, i) => c / (demoRates[i] ?? NaN))),
      },
      streams,
      rssBeforeMiB: before.map((m) => m.rss / MiB),
      rssAfterMiB: after.map((m) => m.rss / MiB),
      heapBeforeMiB: before.map((m) => m.heapUsed / MiB),
      heapAfterMiB: after.map((m) => m.heapUsed / MiB),
      perStreamKiB,
      heapPerStreamKiB,
      propagation: {
        changes: pooled.length,
        p50: p(0.5),
        p95: p(0.95),
        pooled: { p50: quantile(pooled, 0.5), p95: quantile(pooled, 0.95), max: pooled.at(-1) ?? NaN },
      },
      crowdChanges: crowdStats.changes,
      pushPerSecond: summarize(pushRates),
      connections: [...city.proxy.counts],
      load,
    };
  } finally {
    crowd.stdin.write('close\n');
    crowd.stdin.end();
    setTimeout(() => crowd.kill('SIGKILL'), 3_000).unref();
    for (const proxy of proxies) await proxy.close();
    for (const hub of hubs) await hub.stop('SIGTERM');
    for (const db of databases) await db.drop();
    rmSync(folder, { recursive: true, force: true });
  }
}
