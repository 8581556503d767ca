import {
  DEMAND_CATEGORIES,
  DEMAND_SOURCES,
  DEMAND_STATES,
  DEMAND_TYPES,
  HOTLINE_CALLBACK_RESULTS,
  HOTLINE_RESPONSES,
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
  pii,
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
  // v2: the 12345 system's own handling facts of an imported work order (all optional).
  version: 2,
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
    // What the 12345 system knows of an imported order, kept as the city recorded it: the three
    // rates count these facts the way the city does, and a newer export replaces them.
    hotlineDispatchedAt: timeProp, // 派单时间
    hotlineUnit: { type: 'string', maxLength: 200 }, // 承办单位
    hotlineFinishedAt: timeProp, // 办结时间
    hotlineResult: textProp, // 办理结果
    hotlineResolved: { type: 'boolean' }, // 是否解决
    hotlineCallback: enumProp(HOTLINE_CALLBACK_RESULTS), // 回访结果
    hotlineResponse: enumProp(HOTLINE_RESPONSES), // 响应情况
    hotlineCategory: { type: 'string', maxLength: 200 }, // 一级/二级/三级分类, joined by '/'
    // The category was guessed from the text (no class of the city's mapped), shown as a guess.
    categoryGuessed: { type: 'boolean' },
    topicId: idProp,
    duplicateOf: idProp,
    reporterName: nameProp,
    reporterPhone: pii({ type: 'string', maxLength: 32 }),
    addressDetail: pii(textProp),
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
  // Photos taken at intake (compressed JPEG on the device), stored and synced with the demand.
  attachments: {},
  additionalProperties: false,
} as const;

export type DemandDoc = FromSchema<typeof demandsSchema>;

/** Steps from each older version of this schema to the next (see migration-steps.ts). */
// v1 only adds the optional `photos` list; v2 only adds the optional 12345 handling facts.
export const demandsMigrations: Migrations = { 1: keep, 2: keep };
