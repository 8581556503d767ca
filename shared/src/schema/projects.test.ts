import { describe } from 'vitest';
import { checkMigrations } from './migration-checks';
import { projectsMigrations, projectsSchema } from './projects';

describe('projects migrations', () => {
  checkMigrations(projectsSchema, projectsMigrations);
});
