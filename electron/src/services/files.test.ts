import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BaseWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { MAX_FILE_BYTES } from '#shared/bridge/contract';
import { createFileService } from './files';
import { electronDialogs, type FileDialogs } from './dialogs';
import type { CallContext } from './types';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yishi-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const parent = { id: 'w' } as unknown as BaseWindow;
const context: CallContext = {
  sender: {
    print: () => undefined,
    printToPDF: async () => new Uint8Array(),
    reload: () => undefined,
    isDestroyed: () => false,
  },
  parent,
};

function fakeDialogs(answer: { open?: string | null; save?: string | null }) {
  const seen: { open: OpenDialogOptions[]; save: SaveDialogOptions[]; parents: unknown[] } = {
    open: [],
    save: [],
    parents: [],
  };
  const dialogs: FileDialogs = {
    open: async (p, options) => {
      seen.parents.push(p);
      seen.open.push(options);
      return answer.open ? { canceled: false, filePaths: [answer.open] } : { canceled: true, filePaths: [] };
    },
    save: async (p, options) => {
      seen.parents.push(p);
      seen.save.push(options);
      return answer.save ? { canceled: false, filePath: answer.save } : { canceled: true, filePath: '' };
    },
  };
  return { dialogs, seen };
}

const excel = [{ name: 'Excel', extensions: ['xlsx'] }];

describe('file service', () => {
  it('reads the file the person picked and returns its base name only', async () => {
    const path = join(dir, '工单.xlsx');
    await writeFile(path, new Uint8Array([80, 75, 3, 4]));
    const { dialogs, seen } = fakeDialogs({ open: path });
    const files = createFileService({ dialogs, documentsDir: dir });
    const result = await files.openFile(context, { title: '导入工单', filters: excel });
    expect(result).toEqual({ status: 'opened', name: '工单.xlsx', data: new Uint8Array([80, 75, 3, 4]) });
    expect(seen.open[0]).toEqual({ properties: ['openFile'], filters: excel, title: '导入工单' });
    expect(seen.parents).toEqual([parent]);
  });

  it('reports a cancelled open', async () => {
    const files = createFileService({ dialogs: fakeDialogs({ open: null }).dialogs, documentsDir: dir });
    expect(await files.openFile(context, { filters: [] })).toEqual({ status: 'canceled' });
  });

  it('does not read files over the size limit', async () => {
    const path = join(dir, 'huge.json');
    await writeFile(path, '');
    await truncate(path, MAX_FILE_BYTES + 1);
    const files = createFileService({ dialogs: fakeDialogs({ open: path }).dialogs, documentsDir: dir });
    expect(await files.openFile(context, { filters: [] })).toEqual({
      status: 'tooLarge',
      name: 'huge.json',
      size: MAX_FILE_BYTES + 1,
      limit: MAX_FILE_BYTES,
    });
  });

  it('writes the bytes where the person chose and suggests the documents folder', async () => {
    const target = join(dir, 'chosen.xlsx');
    const { dialogs, seen } = fakeDialogs({ save: target });
    const files = createFileService({ dialogs, documentsDir: '/home/worker/文档' });
    const data = new Uint8Array([1, 2, 3]);
    expect(await files.saveFile(context, { suggestedName: '台账.xlsx', data, filters: excel })).toEqual({
      status: 'saved',
      name: 'chosen.xlsx',
    });
    expect(new Uint8Array(await readFile(target))).toEqual(data);
    expect(seen.save[0]).toMatchObject({
      defaultPath: join('/home/worker/文档', '台账.xlsx'),
      filters: excel,
    });
  });

  it('writes nothing when the save is cancelled', async () => {
    const files = createFileService({ dialogs: fakeDialogs({ save: null }).dialogs, documentsDir: dir });
    const result = await files.saveFile(context, {
      suggestedName: 'a.txt',
      data: new Uint8Array(1),
      filters: [],
    });
    expect(result).toEqual({ status: 'canceled' });
  });
});

describe('electronDialogs', () => {
  it('parents the dialog to the window when there is one', async () => {
    const calls: unknown[][] = [];
    const dialog = {
      showOpenDialog: async (...args: unknown[]) => {
        calls.push(args);
        return { canceled: true, filePaths: [] };
      },
      showSaveDialog: async (...args: unknown[]) => {
        calls.push(args);
        return { canceled: true, filePath: '' };
      },
    } as unknown as Parameters<typeof electronDialogs>[0];
    const dialogs = electronDialogs(dialog);
    await dialogs.open(parent, { title: 'a' });
    await dialogs.open(null, { title: 'b' });
    await dialogs.save(parent, { title: 'c' });
    await dialogs.save(null, { title: 'd' });
    expect(calls).toEqual([
      [parent, { title: 'a' }],
      [{ title: 'b' }],
      [parent, { title: 'c' }],
      [{ title: 'd' }],
    ]);
  });
});
