// 12345 work-order import: CSV reading, column mapping with presets, row validation, place
// matching and the idempotent import plan. Pure: bytes are decoded and files read by the caller.
export { detectEncoding, isValidUtf8, parseCsv, sniffDelimiter, toCsv } from './csv';
export type { CsvEncoding, EncodingGuess } from './csv';
export {
  autoMap,
  DEFAULT_PRESET,
  DEFAULT_PRESET_ID,
  HEADER_ALIASES,
  HOTLINE_FIELD_LABELS,
  HOTLINE_FIELDS,
  mappingProblems,
  PLACE_FIELDS,
  REQUIRED_FIELDS,
} from './fields';
export type { ColumnMapping, HotlineField, MappingPreset } from './fields';
export {
  demandCategoryOf,
  demandTypeOf,
  mentionsVulnerable,
  normalisePhone,
  parseDue,
  parseHotlineTime,
  urgencyOf,
} from './values';
export { createPlaceMatcher } from './places';
export type { MatchablePlace, PlaceMatch, PlaceMatcher } from './places';
export { readRow, readRows, tableFromRows, titleFrom, unmappedFields } from './rows';
export type { HotlineDemand, RawRow, RawTable, RowContext, RowError, RowResult } from './rows';
export { changedFields, demandIdForOrderNo, IMPORT_OWNED_FIELDS, planImport, refusedTable } from './plan';
export type {
  ExistingHotlineDemand,
  ImportOwnedField,
  ImportPlan,
  PlannedCreate,
  PlannedUpdate,
  RefusedRow,
} from './plan';
