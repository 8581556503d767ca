import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// Each forbidden import or call of ARCHITECTURE.md, placed in a scratch file of the folder it is
// forbidden in, must fail lint (and so `npm run check`); the allowed twin must pass.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const SHARED = 'shared/src/domain/scratch.ts';
const RENDERER = 'renderer/src/features/scratch.ts';

describe('shared/ stays pure', () => {
  it.each([
    ["import React from 'react';", 'React'],
    ["import { app } from 'electron';", 'electron'],
    ["import { createRxDatabase } from 'rxdb';", 'RxDB runtime'],
    ["import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';", 'RxDB plugin'],
    ["import Dexie from 'dexie';", 'Dexie'],
    ["import pg from 'pg';", 'pg'],
    ["import { PGlite } from '@electric-sql/pglite';", 'PGlite'],
    ["import { readFile } from 'node:fs';", 'node:fs'],
    ["import path from 'path';", 'path'],
    ["import { x } from '../../../renderer/src/x';", 'renderer'],
  ])('refuses %s (%s)', async (line) => {
    expect(await problems(SHARED, `${line}\nexport const used = 1;\n`)).not.toEqual([]);
  });

  it.each([
    ['export const t = Date.now();', 'Date.now()'],
    ['export const t = new Date();', 'new Date()'],
    ['export const r = Math.random();', 'Math.random()'],
    ['export const r = crypto.randomUUID();', 'crypto.randomUUID()'],
  ])('refuses %s (%s) in domain code', async (code) => {
    expect(await problems(SHARED, code)).not.toEqual([]);
  });

  it('allows type-only RxDB imports, parsing a given time and pure code', async () => {
    const code =
      "import type { RxJsonSchema } from 'rxdb';\nexport type S = RxJsonSchema<unknown>;\nexport const at = (iso: string) => new Date(iso).getTime();\n";
    expect(await problems(SHARED, code)).toEqual([]);
  });
});

describe('renderer/ never reaches the OS directly', () => {
  it.each([
    ["import { ipcRenderer } from 'electron';", 'electron'],
    ["import { readFile } from 'node:fs/promises';", 'node:fs'],
    ["import os from 'os';", 'os'],
    ["import { serve } from '../../../hub/src/http/server';", 'hub'],
    ["import { createMainWindow } from '../../../electron/src/window';", 'electron folder'],
  ])('refuses %s (%s)', async (line) => {
    expect(await problems(RENDERER, `${line}\nexport const used = 1;\n`)).not.toEqual([]);
  });

  it('allows shared code and UI libraries', async () => {
    const code =
      "import { PLACE_KINDS } from '#shared/domain/vocab';\nimport { Button } from '@mui/material';\nexport const used = [PLACE_KINDS, Button];\n";
    expect(await problems(RENDERER, code)).toEqual([]);
  });
});

describe('hub/ and electron/ keep to their side', () => {
  it('refuses React and the renderer in hub/', async () => {
    expect(
      await problems('hub/src/scratch.ts', "import React from 'react';\nexport const u = React;\n"),
    ).not.toEqual([]);
    expect(
      await problems(
        'hub/src/scratch.ts',
        "import { x } from '../../renderer/src/x';\nexport const u = x;\n",
      ),
    ).not.toEqual([]);
  });
  it('refuses database code in electron/', async () => {
    expect(
      await problems(
        'electron/src/scratch.ts',
        "import { createRxDatabase } from 'rxdb';\nexport const u = createRxDatabase;\n",
      ),
    ).not.toEqual([]);
  });
});
