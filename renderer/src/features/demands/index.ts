// 集 Collect: quick intake of demands and the per-place demand ledgers.
export { IntakePage } from './IntakePage';
export { LedgerPage } from './LedgerPage';
