import { describe } from 'vitest';
import { checkMigrations } from './migration-checks';
import { meetingRecordsMigrations, meetingRecordsSchema } from './meeting-records';

describe('meetingRecords migrations', () => {
  checkMigrations(meetingRecordsSchema, meetingRecordsMigrations);
});
