// `npm run bench [-- --quick] [-- --only=sync,propagation,throughput,ledger,dashboard,city]`: the
// performance benchmarks of docs/architecture.md (what it must achieve) (kept out of `npm test`; city only when named). Starts the local PostgreSQL 15
// cluster when it is installed and nothing else is configured, then runs bench/main.ts.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function quiet(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// Idempotent: start the cluster, create the role and the database when missing (root only).
if (!process.env.YISHI_TEST_PG_URL && existsSync('/usr/bin/pg_ctlcluster') && process.getuid?.() === 0) {
  quiet('pg_ctlcluster', ['--skip-systemctl-redirect', '15', 'main', 'start']);
  quiet('su', [
    'postgres',
    '-c',
    `psql -qc "DO \\$\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'root') THEN CREATE ROLE root LOGIN SUPERUSER; END IF; END \\$\\$"`,
  ]);
  quiet('su', ['postgres', '-c', 'createdb -O root yishi_bench']);
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(root, 'bench', 'main.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
