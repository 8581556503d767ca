import { describe } from 'vitest';
import { checkMigrations } from './migration-checks';
import { demandsMigrations, demandsSchema } from './demands';

describe('demands migrations', () => {
  checkMigrations(demandsSchema, demandsMigrations);
});
