// The hub databases the sync tests run on: PGlite always, PostgreSQL when YISHI_TEST_PG_URL is set.

export interface Backend {
  name: string;
  enabled: boolean;
  databaseUrl?: string;
}

const pgUrl = process.env['YISHI_TEST_PG_URL'];

export const BACKENDS: Backend[] = [
  { name: 'PGlite', enabled: true },
  { name: 'PostgreSQL', enabled: Boolean(pgUrl), ...(pgUrl ? { databaseUrl: pgUrl } : {}) },
];

/** A scope no earlier run used, so runs sharing one PostgreSQL database do not see each other. */
export function freshScope(prefix = 'xg'): string {
  return `${prefix}.t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
