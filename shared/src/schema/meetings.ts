import {
  INVITEE_KINDS,
  MEETING_KINDS,
  MEETING_STATES,
  NOTIFICATION_METHODS,
  VOTE_BASES,
  VOTE_RULES,
} from '#shared/domain/vocab';
import {
  BASE_PROPERTIES,
  BASE_REQUIRED,
  conflictsProp,
  enumProp,
  idProp,
  longTextProp,
  nameProp,
  timeProp,
  titleProp,
} from './base';
import type { FromSchema } from './from-schema';
import { keep, type Migrations } from './migration-steps';

const smallInt = (minimum: number, maximum: number) =>
  ({ type: 'integer', minimum, maximum, multipleOf: 1 }) as const;

/** 议事会: agenda, entitled roster and rules. What happens in it lives in meetingRecords. */
export const meetingsSchema = {
  title: 'meetings',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...BASE_PROPERTIES,
    kind: enumProp(MEETING_KINDS),
    title: titleProp,
    venueId: idProp,
    seriesId: idProp,
    carriedOverFrom: idProp,
    startsAt: timeProp,
    durationMinutes: smallInt(1, 24 * 60),
    status: enumProp(MEETING_STATES),
    agenda: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: { itemId: idProp, topicId: idProp, title: titleProp, minutes: smallInt(0, 24 * 60) },
        required: ['itemId', 'title', 'minutes'],
        additionalProperties: false,
      },
    },
    roster: {
      type: 'array',
      maxItems: 2000,
      items: {
        type: 'object',
        properties: {
          personId: idProp,
          name: nameProp,
          role: { type: 'string', maxLength: 64 },
          entitled: { type: 'boolean' },
        },
        required: ['personId', 'name', 'entitled'],
        additionalProperties: false,
      },
    },
    quorumNumerator: smallInt(0, 1000),
    quorumDenominator: smallInt(1, 1000),
    defaultRule: enumProp(VOTE_RULES),
    defaultBase: enumProp(VOTE_BASES),
    proxyLimit: smallInt(0, 100),
    /** A resident representative chairing keeps a vote only when this says so (asked when chosen). */
    chairVotes: { type: 'boolean' },
    startedAt: timeProp,
    /** Started before its scheduled time, after the recorder confirmed it. */
    startedEarly: { type: 'boolean' },
    /** Who was told of the meeting, when and how (已通知 means exactly this list). */
    notifications: {
      type: 'array',
      maxItems: 2000,
      items: {
        type: 'object',
        properties: {
          notificationId: idProp,
          inviteeKind: enumProp(INVITEE_KINDS),
          refId: idProp,
          name: { ...nameProp, maxLength: 200 },
          method: enumProp(NOTIFICATION_METHODS),
          at: timeProp,
        },
        required: ['notificationId', 'inviteeKind', 'name', 'method', 'at'],
        additionalProperties: false,
      },
    },
    noticePrintedAt: timeProp,
    minutesText: longTextProp,
    minutesApprovedAt: timeProp,
    minutesApprovedBy: idProp,
    /** The person who approved the minutes, as printed on the minutes and the 公示. */
    minutesApproverName: nameProp,
    publishedAt: timeProp,
    conflicts: conflictsProp,
  },
  required: [
    ...BASE_REQUIRED,
    'kind',
    'title',
    'startsAt',
    'durationMinutes',
    'status',
    'agenda',
    'roster',
    'quorumNumerator',
    'quorumDenominator',
    'defaultRule',
    'defaultBase',
    'proxyLimit',
  ],
  indexes: ['scope', 'startsAt', ['status', 'startsAt']],
  additionalProperties: false,
} as const;

export type MeetingDoc = FromSchema<typeof meetingsSchema>;
export type AgendaItem = MeetingDoc['agenda'][number];
export type RosterEntry = MeetingDoc['roster'][number];
export type MeetingNotification = NonNullable<MeetingDoc['notifications']>[number];

/** Steps from each older version of this schema to the next (see migration-steps.ts). */
export const meetingsMigrations: Migrations = { 1: keep };
