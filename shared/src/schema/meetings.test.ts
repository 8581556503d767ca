import { describe } from 'vitest';
import { checkMigrations } from './migration-checks';
import { meetingsMigrations, meetingsSchema } from './meetings';

describe('meetings migrations', () => {
  checkMigrations(meetingsSchema, meetingsMigrations);
});
