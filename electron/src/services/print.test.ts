import { describe, expect, it } from 'vitest';
import type { PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import type { SaveFileOptions } from '#shared/bridge/contract';
import { createPrintService, pdfFileName } from './print';
import type { CallContext, SenderContents } from './types';

function fakeSender(printOutcome: [boolean, string]) {
  const seen: { print: WebContentsPrintOptions[]; pdf: PrintToPDFOptions[] } = { print: [], pdf: [] };
  const sender: SenderContents = {
    print: (options, callback) => {
      seen.print.push(options);
      callback(...printOutcome);
    },
    printToPDF: async (options) => {
      seen.pdf.push(options);
      return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    },
    reload: () => undefined,
    isDestroyed: () => false,
  };
  return { context: { sender, parent: null } as CallContext, seen };
}

function fakeFiles() {
  const saved: SaveFileOptions[] = [];
  return {
    saved,
    files: {
      saveFile: async (_c: CallContext, options: SaveFileOptions) => {
        saved.push(options);
        return { status: 'saved', name: options.suggestedName } as const;
      },
    },
  };
}

describe('print service', () => {
  it('prints the sender page through the system dialog', async () => {
    const { context, seen } = fakeSender([true, '']);
    expect(await createPrintService(fakeFiles().files).print(context)).toEqual({ status: 'printed' });
    expect(seen.print).toEqual([{ silent: false, printBackground: true }]);
  });

  it('tells a cancelled print from a failed one', async () => {
    const service = createPrintService(fakeFiles().files);
    expect(await service.print(fakeSender([false, 'cancelled']).context)).toEqual({ status: 'canceled' });
    expect(await service.print(fakeSender([false, 'Print job failed']).context)).toEqual({
      status: 'failed',
      reason: 'Print job failed',
    });
  });

  it('renders A4 PDF and hands it to the save dialog', async () => {
    const { context, seen } = fakeSender([true, '']);
    const { files, saved } = fakeFiles();
    const result = await createPrintService(files).printToPdf(context, { suggestedName: '会议纪要' });
    expect(result).toEqual({ status: 'saved', name: '会议纪要.pdf' });
    expect(seen.pdf).toEqual([{ pageSize: 'A4', printBackground: true }]);
    expect(saved[0]).toEqual({
      suggestedName: '会议纪要.pdf',
      data: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('adds .pdf only when missing', () => {
    expect(pdfFileName('a.PDF')).toBe('a.PDF');
    expect(pdfFileName('签到表')).toBe('签到表.pdf');
  });
});
