import { describe, expect, it } from 'vitest';
import { checkMigrations } from './migration-checks';
import { peopleMigrations, peopleSchema } from './people';

describe('people migrations', () => {
  checkMigrations(peopleSchema, peopleMigrations);
  it('gives version-0 documents the pinyin initials of their name', () => {
    const step = peopleMigrations[1];
    expect(step?.({ id: 'x', name: '小关' })).toMatchObject({ initials: 'xg' });
  });
});
