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
export { classPaths, readRow, readRows, tableFromRows, titleFrom, unmappedFields } from './rows';
export type { HotlineDemand, RawRow, RawTable, RowContext, RowError, RowResult } from './rows';
export {
  changedFields,
  cityStatus,
  demandIdForOrderNo,
  IMPORT_OWNED_FIELDS,
  planImport,
  refusedTable,
  statusMerge,
} from './plan';
export type {
  ChangedField,
  ExistingHotlineDemand,
  ImportConflict,
  ImportOwnedField,
  ImportPlan,
  PlannedCreate,
  PlannedUpdate,
  RefusedRow,
} from './plan';
export { categoryFor, classPath, DEFAULT_CLASS_MAPPING, mappedCategory, unmappedClasses } from './classes';
export type { CategoryChoice, ClassMapping, UnmappedClass } from './classes';
export {
  callbackResultOf,
  CALLBACK_RESULT_LABELS,
  resolvedOf,
  responseOf,
  RESPONSE_LABELS,
} from './handling';
export { importDocuments } from './documents';
export type { ImportContext } from './documents';
