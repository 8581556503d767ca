import { describe, expect, it } from 'vitest';
import { checkMigrations } from './migration-checks';
import { placesMigrations, placesSchema } from './places';

describe('places migrations', () => {
  checkMigrations(placesSchema, placesMigrations);
  it('gives version-0 documents the pinyin initials of their name', () => {
    const step = placesMigrations[1];
    expect(step?.({ id: 'x', name: '小关' })).toMatchObject({ initials: 'xg' });
  });
});
