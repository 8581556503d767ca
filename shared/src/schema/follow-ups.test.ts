import { describe } from 'vitest';
import { checkMigrations } from './migration-checks';
import { followUpsMigrations, followUpsSchema } from './follow-ups';

describe('followUps migrations', () => {
  checkMigrations(followUpsSchema, followUpsMigrations);
});
