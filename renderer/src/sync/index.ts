// Public surface of the sync client (issue 4 items 4 and 5). UI code imports from here only.

export { createSyncClient } from './client';
export type { SyncClient, SyncClientOptions, SyncState, SyncStatus, SyncTiming } from './client';
export { ENROLL_MESSAGES, enrollDevice, normalizeHubUrl } from './enroll';
export type { EnrollOptions } from './enroll';
export { HubError, CLIENT_ERROR_MESSAGES } from './http';
export type { FetchLike, ClientErrorCode } from './http';
export { yishiConflictHandler, isAppendOnly } from './conflict-handler';
export type { ConflictHandlerOptions } from './conflict-handler';
export { createFetchEventSourceFactory } from './sse';
export type { EventSourceFactory, EventSourceLike, SseMessage } from './sse';
export { DexieRefusedRowStore, MemoryRefusedRowStore, LOCAL_DATABASE_NAME } from './refused-store';
export type { RefusedRowRecord, RefusedRowStore } from './refused-store';
export { mergeDocuments, resolveConflict } from '#shared/sync/merge';
export type { ConflictChoice, ConflictEntry } from '#shared/sync/merge';
export { mergePhotos } from './photos';
export type { AttachmentLike } from './photos';
export { DexieUploadedAttachmentStore, MemoryUploadedAttachmentStore } from './uploaded-store';
export type { UploadedAttachmentStore } from './uploaded-store';
export type { AttachmentMover } from './attachment-mover';
export { firstSyncTracker } from './first-sync-status';
export { BundleInbox } from './bundle-inbox';
export { awaitReturnTaken, collectDeviceBundle, planReturn } from './bundle-io';
export type { ReturnPlan } from './bundle-io';
export { hubRequest, hubEndpoint } from './http';
