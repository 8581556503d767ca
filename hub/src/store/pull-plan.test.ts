import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver, SqlClient } from '../db/driver';
import { migrate } from '../db/migrations';
import { DRIVER_BACKENDS } from '../testing/backends';
import { pullDocuments, pullNewestDocuments } from './documents-sql';

// A city in miniature: 40 streets writing at the same time, so one street's rows are spread over
// the whole table, as on a city hub. A page of a first sync must walk its own street's rows in
// sequence order and stop at the page, not read and sort all of the scope's remaining rows (which
// made each page cost more the earlier it was) nor walk every street's rows by sequence.
const STREETS = 40;
const PER_STREET = 300;
const PAGE = 50;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** Runs the pull's own SQL under EXPLAIN ANALYZE and returns the plan's nodes. */
function explaining(db: SqlClient, plans: PlanNode[][]): SqlClient {
  return {
    async query<T extends object>(text: string, params?: unknown[]): Promise<T[]> {
      const [row] = await db.query<{ 'QUERY PLAN': unknown }>(
        `explain (analyze, format json) ${text}`,
        params,
      );
      const raw = row?.['QUERY PLAN'];
      const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
      plans.push(nodesOf(parsed[0]!.Plan));
      return [];
    },
    exec: async () => undefined,
  };
}

for (const backend of DRIVER_BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('a pull page'), () => {
    let driver: Driver;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      ({ driver, drop } = await backend.open());
      await migrate(driver);
      // Street k's n-th person is written as row n * STREETS + k: the streets interleave.
      await driver.query(
        `insert into documents (collection, id, scope, seq, deleted, data)
         select 'people', 'p' || i, 's' || (i % $1::int) || case when i % 3 = 0 then '' else '.c' || (i % 3) end,
                nextval('documents_seq_global'), false,
                jsonb_build_object('id', 'p' || i, 'name', repeat('居民', 20))
         from generate_series(0, $1::int * $2::int - 1) as i order by i`,
        [STREETS, PER_STREET],
      );
      await driver.query('analyze documents');
    }, 60_000);
    afterAll(async () => drop?.());

    it('walks its own street in sequence order and reads no more rows than the page', async () => {
      const plans: PlanNode[][] = [];
      await pullNewestDocuments(explaining(driver, plans), 'people', 's7', null, PAGE);
      await pullDocuments(explaining(driver, plans), 'people', 's7', 0, PAGE);
      for (const nodes of plans) {
        const scans = nodes.filter((n) => n['Node Type'].includes('Scan') && n['Index Name'] !== undefined);
        expect(scans.map((n) => n['Index Name'])).toEqual(['documents_collection_street']);
        expect(scans[0]!['Actual Rows']).toBe(PAGE);
        expect(nodes.some((n) => n['Node Type'] === 'Seq Scan')).toBe(false);
      }
    });

    it('pages a community through its street without a row missing, twice or out of order', async () => {
      const seen: number[] = [];
      let before: number | null = null;
      for (;;) {
        const page = await pullNewestDocuments(driver, 'people', 's7.c1', before, PAGE);
        for (const doc of page.documents) seen.push(Number(doc.id.slice(1)));
        if (page.documents.length < PAGE || page.low === null) break;
        before = page.low;
      }
      const expected = Array.from({ length: STREETS * PER_STREET }, (_, i) => i)
        .filter((i) => i % STREETS === 7 && i % 3 === 1)
        .reverse();
      expect(seen).toEqual(expected);
      const ascending = await pullDocuments(driver, 'people', 's7.c1', 0, 1000);
      expect(ascending.documents.map((d) => Number(d.id.slice(1)))).toEqual([...expected].reverse());
    });
  });
}
