import { describe } from 'vitest';
import { checkMigrations } from './migration-checks';
import { organizationsMigrations, organizationsSchema } from './organizations';

describe('organizations migrations', () => {
  checkMigrations(organizationsSchema, organizationsMigrations);
});
