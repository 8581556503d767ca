export { refusedAuthor } from './authors';
export { authorize, can, writeActionFor } from './can';
export type { Authorization, Resource } from './can';
export { PERMISSIONS, PERMISSION_ACTION_LABELS } from './table';
export { ACTOR_ROLE_LABELS } from './roles';
export type { Actor } from './roles';
export { asSeenBy, readsPii } from './pii-access';
