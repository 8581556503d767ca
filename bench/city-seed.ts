// The city of the city-scale benchmark: the demo street copied under many street codes (s01, s02,
// …), each copy with its own ids and scopes and every reference inside it rewritten, so a copy is
// a street as the demo generates it. Every document is validated by the hub's schemas and its
// personal fields sealed with the hub key, as a push would store them, then written in bulk
// straight into the hub's documents table, the copies interleaved in sequence order as a city's
// streets write at the same time (a community's rows are spread over the whole sequence).

import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { toWireDoc } from '#shared/protocol/v1';
import type { DemoData } from '#resources/demo/index';
import pg from 'pg';
import { silentLogger } from '../hub/src/log';
import { createSealer } from '../hub/src/store/pii-seal';
import { openPostgresStore } from '../hub/src/store/store';
import { compileSchemas } from '../hub/src/sync/schema-validator';

/** The demo street's own code: the root of every scope in it. */
const DEMO_ROOT = 'xg';

export const streetCode = (copy: number) => `s${String(copy + 1).padStart(2, '0')}`;

export type Rewrite = (value: unknown) => unknown;

/** Rewrites a demo document into copy `code`: scopes re-rooted, ids (and references to them) suffixed. */
export function copyRewriter(ids: ReadonlySet<string>, code: string): Rewrite {
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (ids.has(value)) return `${value}-${code}`;
      if (value === DEMO_ROOT) return code;
      if (value.startsWith(`${DEMO_ROOT}.`)) return code + value.slice(DEMO_ROOT.length);
      return value;
    }
    if (Array.isArray(value)) return value.map(rewrite);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    return value;
  };
  return rewrite;
}

export interface Template {
  collection: CollectionName;
  doc: Record<string, unknown>;
}

export function templatesOf(street: DemoData): Template[] {
  const out: Template[] = [];
  for (const collection of COLLECTION_NAMES)
    for (const doc of street[collection] as unknown as Array<Record<string, unknown>>)
      out.push({ collection, doc });
  return out;
}

export interface CitySeed {
  documents: number;
  streets: number;
  seconds: number;
  /** Documents of one street (a copy of the demo street). */
  perStreet: number;
}

const CHUNK_TEMPLATES = 40;

/**
 * Migrates the database through the hub's own store (with the hub key, so the key id is recorded)
 * and writes `streets` copies of the demo street. The sequence is the hub's global sequence.
 */
export async function seedCity(options: {
  url: string;
  piiKey: Buffer;
  street: DemoData;
  streets: number;
  log?: (line: string) => void;
}): Promise<CitySeed> {
  const started = performance.now();
  const store = await openPostgresStore(options.url, silentLogger, { piiKey: options.piiKey });
  await store.close();
  const sealer = createSealer(options.piiKey);
  const check = compileSchemas();
  const templates = templatesOf(options.street);
  const ids = new Set(templates.map((t) => String(t.doc['id'])));
  const rewriters = Array.from({ length: options.streets }, (_, k) => copyRewriter(ids, streetCode(k)));
  const pool = new pg.Pool({ connectionString: options.url, max: 2 });
  let written = 0;
  try {
    const insert = async (payload: string[]) => {
      await pool.query(
        `insert into documents (collection, id, scope, seq, deleted, data, updated_at)
         select e->>'c', e->>'id', e->>'s', nextval('documents_seq_global'), false, e->'data', now()
         from jsonb_array_elements($1::text::jsonb) with ordinality as t(e, n) order by n`,
        [`[${payload.join(',')}]`],
      );
      written += payload.length;
    };
    // Two statements in flight: the database parses one chunk while this process builds the next.
    const inFlight = new Set<Promise<void>>();
    for (let t = 0; t < templates.length; t += CHUNK_TEMPLATES) {
      const payload: string[] = [];
      for (const { collection, doc } of templates.slice(t, t + CHUNK_TEMPLATES)) {
        for (const rewrite of rewriters) {
          const wire = toWireDoc(rewrite(doc) as Record<string, unknown>);
          const { _deleted: _ignored, ...fields } = wire;
          const problem = check(collection, fields);
          if (problem !== null)
            throw new Error(`${collection} ${String(fields['id'])} fails the hub's schema: ${problem}`);
          const data = sealer.seal(collection, fields);
          payload.push(JSON.stringify({ c: collection, id: data['id'], s: data['scope'], data }));
        }
      }
      const p = insert(payload).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= 2) await Promise.race(inFlight);
      if (t % (CHUNK_TEMPLATES * 50) === 0)
        options.log?.(`  seeded ${written.toLocaleString('en-US')} documents`);
    }
    await Promise.all(inFlight);
    // As autovacuum leaves a table that has been in use: statistics, hint bits, visibility map.
    await pool.query('vacuum (analyze) documents');
  } finally {
    await pool.end();
  }
  return {
    documents: written,
    streets: options.streets,
    seconds: (performance.now() - started) / 1000,
    perStreet: templates.length,
  };
}
