import type { PrintResult, PrintToPdfOptions, SaveFileResult } from '#shared/bridge/contract';
import type { FileService } from './files';
import type { CallContext } from './types';

// Sign-in sheets, ballots, minutes and 公示 notices are printed from the page the renderer shows
// (print CSS decides the layout); the PDF is A4 like every notice board in a 社区.

export interface PrintService {
  print(context: CallContext): Promise<PrintResult>;
  printToPdf(context: CallContext, options: PrintToPdfOptions): Promise<SaveFileResult>;
}

const PDF_FILTERS = [{ name: 'PDF', extensions: ['pdf'] }];

export function pdfFileName(suggestedName: string): string {
  return suggestedName.toLowerCase().endsWith('.pdf') ? suggestedName : `${suggestedName}.pdf`;
}

export function createPrintService(files: Pick<FileService, 'saveFile'>): PrintService {
  return {
    print: ({ sender }) =>
      new Promise<PrintResult>((resolve) => {
        sender.print({ silent: false, printBackground: true }, (success, failureReason) => {
          if (success) resolve({ status: 'printed' });
          else if (/cancel/i.test(failureReason)) resolve({ status: 'canceled' });
          else resolve({ status: 'failed', reason: failureReason });
        });
      }),

    async printToPdf(context, { suggestedName }) {
      const data = await context.sender.printToPDF({ pageSize: 'A4', printBackground: true });
      return files.saveFile(context, {
        suggestedName: pdfFileName(suggestedName),
        data,
        filters: PDF_FILTERS,
      });
    },
  };
}
