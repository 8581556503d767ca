import { describe } from 'vitest';
import { checkMigrations } from './migration-checks';
import { tasksMigrations, tasksSchema } from './tasks';

describe('tasks migrations', () => {
  checkMigrations(tasksSchema, tasksMigrations);
});
