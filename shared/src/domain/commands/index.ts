// The one write path: pure commands return a Change (or a Refusal); the renderer commits it.
export { CHANGE_ORDER, NO_CHANGE, change, combine, docsOf, isEmpty } from './change';
export type { Change, ChangeCollection, DocsByCollection } from './change';
export { auditEntry, newBase, touched } from './context';
export type { AuditContext, AuditNote, CommandContext } from './context';
export { DONE, messageOf, refuse } from './refusal';
export type { Decided, Outcome, Refusal } from './refusal';
