import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// State, category and kind labels exist once per language (renderer/src/kit/i18n/labels.ts, the
// Chinese ones taken from shared/). A feature's strings that spelled out its own table drifted
// before (已完成 against 已完成待验收, two English category lists): none may do it again.
const FEATURES = 'renderer/src/features';
const FAMILIES: Record<string, readonly string[]> = {
  categories: ['propertyService', 'elderlyDisabledCare'],
  demandStates: ['unreasonable', 'inTopic'],
  taskStates: ['redirected', 'reopened'],
  meetingKinds: ['streetNeedsHearing', 'weeklySeries'],
};

function stringsFiles(): string[] {
  return readdirSync(FEATURES, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)strings[^/]*\.ts$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => join(FEATURES, f));
}

/** Object literals in a file that hold every sample key of a family: a copied label table. */
function copiedTables(source: string): string[] {
  const found: string[] = [];
  for (const [family, samples] of Object.entries(FAMILIES)) {
    for (const match of source.matchAll(/\{[^{}]*\}/g)) {
      const body = match[0];
      if (samples.every((key) => new RegExp(`\\b${key}\\s*:`).test(body))) found.push(family);
    }
  }
  return found;
}

describe('labels once per language', () => {
  it('finds the feature strings', () => {
    expect(stringsFiles().length).toBeGreaterThan(10);
  });

  it.each(stringsFiles())('%s keeps no copy of a label table', (file) => {
    expect(copiedTables(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('recognises a copied table', () => {
    expect(
      copiedTables("const zh = { taskStates: { redirected: '已转交', reopened: '重新办理' } };"),
    ).toEqual(['taskStates']);
  });
});
