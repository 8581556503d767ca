import {
  COUNT_ORIGINS,
  MEETING_RECORD_KINDS,
  TASK_PARTY_KINDS,
  VOTE_BASES,
  VOTE_RULES,
} from '#shared/domain/vocab';
import {
  BASE_PROPERTIES,
  BASE_REQUIRED,
  countProp,
  enumProp,
  idProp,
  longTextProp,
  nameProp,
  textProp,
  timeProp,
  titleProp,
} from './base';
import type { FromSchema } from './from-schema';
import { keep, type Migrations } from './migration-steps';

/**
 * Append-only facts of a meeting: one sign-in, proxy, speaker turn, vote count, result, decision,
 * agenda timing or correction each, so concurrent recorders never conflict. A correction points at
 * the record it supersedes (`correctsId`) instead of editing it.
 */
export const meetingRecordsSchema = {
  title: 'meetingRecords',
  // v1: the motion a vote decides (表决事项), so every paper can say what passed.
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...BASE_PROPERTIES,
    meetingId: idProp,
    kind: enumProp(MEETING_RECORD_KINDS),
    at: timeProp,
    by: idProp,
    personId: idProp,
    proxyForId: idProp,
    name: nameProp,
    walkIn: { type: 'boolean' },
    agendaItemId: idProp,
    voteId: idProp,
    motion: textProp,
    origin: enumProp(COUNT_ORIGINS),
    yes: countProp,
    no: countProp,
    abstain: countProp,
    rule: enumProp(VOTE_RULES),
    base: enumProp(VOTE_BASES),
    // The computed outcome with the figures that produced it (shape owned by the vote rules).
    result: { type: 'object' },
    text: longTextProp,
    parties: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: { name: titleProp, organizationId: idProp, kind: enumProp(TASK_PARTY_KINDS) },
        required: ['name', 'kind'],
        additionalProperties: false,
      },
    },
    correctsId: idProp,
    durationSeconds: countProp,
  },
  required: [...BASE_REQUIRED, 'meetingId', 'kind', 'at', 'by'],
  indexes: ['scope', ['meetingId', 'at']],
  additionalProperties: false,
} as const;

export type MeetingRecordDoc = FromSchema<typeof meetingRecordsSchema>;

/** Steps from each older version of this schema to the next (see migration-steps.ts). */
// v1 only adds an optional field.
export const meetingRecordsMigrations: Migrations = { 1: keep };
