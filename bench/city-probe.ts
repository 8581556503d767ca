// Two probes of the city-scale benchmark: a device's first sync pulled the way the app pulls it
// (every collection newest first, page by page), and the query plan of the pull's scope query,
// taken from the hub's own SQL (documents-sql.ts) with EXPLAIN ANALYZE in front of it.

import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import type { PullNewestResponse } from '#shared/protocol/v1';
import pg from 'pg';
import type { SqlClient } from '../hub/src/db/driver';
import { pullDocuments, pullNewestDocuments } from '../hub/src/store/documents-sql';

/** Pulls everything a device of this token sees, as its first sync does; returns documents and seconds. */
export async function firstSync(url: string, token: string, pageSize: number) {
  const headers = { authorization: `Bearer ${token}` };
  const started = performance.now();
  let documents = 0;
  for (const collection of COLLECTION_NAMES) {
    let before: number | null = null;
    for (;;) {
      const query = new URLSearchParams({ order: 'newest', limit: String(pageSize) });
      if (before !== null) query.set('before', String(before));
      const res = await fetch(`${url}/v1/sync/${collection}/pull?${query.toString()}`, { headers });
      if (!res.ok) throw new Error(`pull ${collection}: ${res.status} ${await res.text()}`);
      const page = (await res.json()) as PullNewestResponse;
      documents += page.documents.length;
      if (page.documents.length < pageSize || page.low === null) break;
      before = page.low;
    }
  }
  return { documents, seconds: (performance.now() - started) / 1000 };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Rows Removed by Filter'?: number;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

export interface ScopePlan {
  query: string;
  /** The device whose pull it is: the street measured by the first sync, or one of its communities. */
  scope: string;
  collection: CollectionName;
  /** Plan nodes, outermost first, e.g. "Limit", "Index Scan using documents_…". */
  nodes: string[];
  /** The scope condition is an index condition (not a filter over rows already read). */
  scopeIndexed: boolean;
  /** Rows read and thrown away by a filter: what an unindexed scope costs. */
  rowsRemoved: number;
  /** Rows the scan of the documents table produced, and the pages (table and index) it touched for them. */
  rowsFetched: number;
  heapBlocks: number;
  /** A Sort node below the page's limit: the scope's remaining rows gathered and sorted for one page. */
  sorted: boolean;
  seqScan: boolean;
  executionMs: number;
}

const all = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(all)];

function flatten(node: PlanNode): string[] {
  const name = node['Index Name'] ? `${node['Node Type']} using ${node['Index Name']}` : node['Node Type'];
  return [name, ...(node.Plans ?? []).flatMap(flatten)];
}

/** EXPLAIN ANALYZE of the first page of a first sync (newest first) and of a later page (oldest first). */
export async function scopePlans(
  databaseUrl: string,
  scope: string,
  collection: CollectionName,
  pageSize: number,
): Promise<ScopePlan[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const captured: Array<{ Plan: PlanNode; 'Execution Time': number }> = [];
    const explaining: SqlClient = {
      async query<T extends object>(text: string, params?: unknown[]): Promise<T[]> {
        const { rows } = await client.query<{ 'QUERY PLAN': typeof captured }>(
          `explain (analyze, buffers, format json) ${text}`,
          params,
        );
        captured.push(...(rows[0]?.['QUERY PLAN'] ?? []));
        return [];
      },
      exec: async () => undefined,
    };
    await pullNewestDocuments(explaining, collection, scope, null, pageSize);
    await pullDocuments(explaining, collection, scope, 0, pageSize);
    return captured.map((p, i) => {
      const nodes = flatten(p.Plan);
      // The scan that reads the documents table: a bitmap heap scan or an index scan on it.
      const scan = all(p.Plan).find(
        (n) =>
          n['Relation Name'] === 'documents' &&
          /Scan/.test(n['Node Type']) &&
          !/^Bitmap Index/.test(n['Node Type']),
      );
      const limit = all(p.Plan).find((n) => n['Node Type'] === 'Limit');
      return {
        query: i === 0 ? 'newest first, first page' : 'oldest first, from the start',
        scope,
        collection,
        nodes,
        scopeIndexed: all(p.Plan).some((n) => /scope/.test(n['Index Cond'] ?? '')),
        rowsRemoved: all(p.Plan).reduce((sum, n) => sum + (n['Rows Removed by Filter'] ?? 0), 0),
        rowsFetched: (scan?.['Actual Rows'] ?? 0) * (scan?.['Actual Loops'] ?? 1),
        heapBlocks: (scan?.['Shared Hit Blocks'] ?? 0) + (scan?.['Shared Read Blocks'] ?? 0),
        sorted: limit !== undefined && all(limit).some((n) => n['Node Type'] === 'Sort'),
        seqScan: nodes.some((n) => n.startsWith('Seq Scan')),
        executionMs: p['Execution Time'],
      };
    });
  } finally {
    await client.end();
  }
}
