// Every export a person saves (ledger, refused import rows, reports): one exporter that neutralises
// formula cells, masks residents' contacts unless the full export is chosen, and records the export.
export { saveCsv, saveWorkbook, type ExportRecord } from './export-file';
export { ExportPiiDialog, type ExportPiiDialogProps } from './ExportPiiDialog';
