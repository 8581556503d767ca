// Reads a work-order file off the UI thread: a 10,000-row workbook takes seconds to unzip and parse.
import ExcelJS from 'exceljs';
import { tableFromFile } from './read-table';

interface Request {
  name: string;
  data: Uint8Array;
}

self.onmessage = (event: MessageEvent<Request>) => {
  const { name, data } = event.data;
  tableFromFile(name, data, async () => ExcelJS).then(
    (table) => self.postMessage({ ok: true, table }),
    (error: unknown) =>
      self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
