import {
  DEMAND_CATEGORIES,
  DEMAND_SOURCES,
  DEMAND_STATES,
  DEMAND_TYPES,
  URGENCIES,
} from '#shared/domain/vocab';
import {
  BASE_PROPERTIES,
  BASE_REQUIRED,
  conflictsProp,
  countProp,
  enumProp,
  idProp,
  nameProp,
  textProp,
  timeProp,
  titleProp,
} from './base';
import type { FromSchema } from './from-schema';
import { photosProp } from './photos';
import { keep, type Migrations } from './migration-steps';

/**
 * 诉求: one resident's request or complaint, including imported 12345 work orders.
 * Indexes serve the demand ledger's filters (place subtree, status, category, source, time).
 * Optional fields (`dueAt`, `hotlineOrderNo`) are not indexed:
 * IndexedDB leaves documents without the value out of an index, and a query the planner sent
 * through it would silently drop them.
 */
export const demandsSchema = {
  title: 'demands',
  // v1: the replicated `photos` list of the attachments.
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...BASE_PROPERTIES,
    placeId: idProp,
    title: titleProp,
    description: textProp,
    type: enumProp(DEMAND_TYPES),
    category: enumProp(DEMAND_CATEGORIES),
    source: enumProp(DEMAND_SOURCES),
    urgency: enumProp(URGENCIES),
    status: enumProp(DEMAND_STATES),
    receivedAt: timeProp,
    dueAt: timeProp,
    // Not indexed: the Dexie storage refuses indexes on optional fields (DXE1); imports look it up
    // once per file, among the street's hotline demands.
    hotlineOrderNo: { type: 'string', maxLength: 40 },
    topicId: idProp,
    duplicateOf: idProp,
    reporterName: nameProp,
    reporterPhone: { type: 'string', maxLength: 32 },
    addressDetail: textProp,
    vulnerable: { type: 'boolean' },
    reasonable: { type: 'boolean', default: true },
    unreasonableEvidence: textProp,
    answer: textProp,
    respondedAt: timeProp,
    resolvedAt: timeProp,
    closedAt: timeProp,
    reopenedCount: countProp,
    photos: photosProp,
    conflicts: conflictsProp,
  },
  required: [
    ...BASE_REQUIRED,
    'placeId',
    'title',
    'description',
    'type',
    'category',
    'source',
    'urgency',
    'status',
    'receivedAt',
    'vulnerable',
    'reasonable',
    'reopenedCount',
  ],
  indexes: ['scope', ['status', 'scope'], ['category', 'scope'], ['source', 'scope'], 'receivedAt'],
  encrypted: ['reporterPhone', 'addressDetail'],
  // Photos taken at intake (compressed JPEG on the device), stored and synced with the demand.
  attachments: {},
  additionalProperties: false,
} as const;

export type DemandDoc = FromSchema<typeof demandsSchema>;

/** Steps from each older version of this schema to the next (see migration-steps.ts). */
// v1 only adds the optional `photos` list.
export const demandsMigrations: Migrations = { 1: keep };
