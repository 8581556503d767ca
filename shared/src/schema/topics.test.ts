import { describe } from 'vitest';
import { checkMigrations } from './migration-checks';
import { topicsMigrations, topicsSchema } from './topics';

describe('topics migrations', () => {
  checkMigrations(topicsSchema, topicsMigrations);
});
