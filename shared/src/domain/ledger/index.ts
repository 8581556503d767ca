// The demand ledger (居民需求台账): filters, roll-up counts, masking for export, the due-date rule
// and title derivation of intake.
export {
  byReceivedDesc,
  hasFilters,
  isOpen,
  isOverdue,
  ledgerPredicate,
  receivedRange,
  toLedgerRow,
  type LedgerFilter,
  type LedgerRow,
} from './filter';
export { countByScope, ledgerCounts, type LedgerCounts } from './rollup';
export {
  maskAddress,
  maskName,
  maskPhone,
  maskPhonesInText,
  maskReporter,
  type PiiAccess,
  type ReporterFields,
} from './mask';
export { dueAtFor, dueRule, SAFETY_CATEGORIES, type DueInput, type DueRule } from './due';
export { DERIVED_TITLE_LENGTH, deriveTitle, titleFor } from './title';
export { LiveLedgerRows, type DemandState } from './live-rows';
export { LedgerSearch, type SearchableRow } from './search';
export {
  DEMAND_TEXT_LIMITS,
  normalisePhone,
  showsCounter,
  textLength,
  type LimitedDemandField,
} from './fields';
export {
  effectiveCategory,
  recordDemand,
  suggestCategory,
  validateDraft,
  type IntakeDraft,
  type IntakeError,
  type IntakeField,
  type IntakePlace,
} from './intake';
