import { describe } from 'vitest';
import { checkMigrations } from './migration-checks';
import { casesMigrations, casesSchema } from './cases';

describe('cases migrations', () => {
  checkMigrations(casesSchema, casesMigrations);
});
