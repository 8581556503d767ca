import { describe } from 'vitest';
import { checkMigrations } from './migration-checks';
import { auditTrailMigrations, auditTrailSchema } from './audit-trail';

describe('auditTrail migrations', () => {
  checkMigrations(auditTrailSchema, auditTrailMigrations);
});
