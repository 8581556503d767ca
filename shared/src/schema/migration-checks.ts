// What every collection's migration test checks (each `<collection>.test.ts` beside its schema
// calls it): one step per version up to the schema's, steps that leave their input alone and keep
// the fields every document carries. Test support only: imported by tests, never by the app.
import { expect, it } from 'vitest';
import type { Migrations } from './migration-steps';

const BASE = {
  id: 'doc-1',
  scope: 'xg.gyj',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'dev-1',
  updatedAt: '2026-01-02T00:00:00.000Z',
  updatedBy: 'dev-1',
  name: '小关街道',
};

export function checkMigrations(schema: { readonly version: number }, migrations: Migrations): void {
  it('has exactly one step for each version after 0', () => {
    const versions = Object.keys(migrations)
      .map(Number)
      .sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: schema.version }, (_, i) => i + 1));
  });

  it('steps leave the old document alone and keep the fields every document carries', () => {
    for (const step of Object.values(migrations)) {
      const old = { ...BASE };
      const migrated = step(old);
      expect(old).toEqual(BASE);
      expect(migrated).toMatchObject({ ...BASE });
    }
  });
}
