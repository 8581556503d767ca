import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FileFilter as ElectronFileFilter } from 'electron';
import {
  MAX_FILE_BYTES,
  type FileFilter,
  type OpenFileOptions,
  type OpenFileResult,
  type SaveFileOptions,
  type SaveFileResult,
} from '#shared/bridge/contract';
import type { FileDialogs } from './dialogs';
import type { CallContext } from './types';

// Only files the person picks in a native dialog are read or written; the renderer sends bytes
// and gets bytes back, never a path it could choose itself.

export interface FileServiceOptions {
  readonly dialogs: FileDialogs;
  /** Where save dialogs start (app.getPath('documents')). */
  readonly documentsDir: string;
}

export interface FileService {
  openFile(context: CallContext, options: OpenFileOptions): Promise<OpenFileResult>;
  saveFile(context: CallContext, options: SaveFileOptions): Promise<SaveFileResult>;
}

function toElectronFilters(filters: readonly FileFilter[]): ElectronFileFilter[] {
  return filters.map((f) => ({ name: f.name, extensions: [...f.extensions] }));
}

export function createFileService({ dialogs, documentsDir }: FileServiceOptions): FileService {
  return {
    async openFile({ parent }, options) {
      const picked = await dialogs.open(parent, {
        properties: ['openFile'],
        filters: toElectronFilters(options.filters),
        ...(options.title ? { title: options.title } : {}),
      });
      const path = picked.filePaths[0];
      if (picked.canceled || !path) return { status: 'canceled' };
      const name = basename(path);
      const { size } = await stat(path);
      if (size > MAX_FILE_BYTES) return { status: 'tooLarge', name, size, limit: MAX_FILE_BYTES };
      const bytes = await readFile(path);
      // A plain Uint8Array view (not a Buffer): the contract promises exactly that type.
      return {
        status: 'opened',
        name,
        data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      };
    },

    async saveFile({ parent }, options) {
      const picked = await dialogs.save(parent, {
        defaultPath: join(documentsDir, options.suggestedName),
        filters: toElectronFilters(options.filters),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (picked.canceled || !picked.filePath) return { status: 'canceled' };
      await writeFile(picked.filePath, options.data);
      return { status: 'saved', name: basename(picked.filePath) };
    },
  };
}
