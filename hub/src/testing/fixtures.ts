// Minimal valid documents of every collection, for hub unit and integration tests. They follow
// the shared schemas (shared/src/schema) so a refusal in a test is always the rule under test.

import type { CollectionName } from '#shared/domain/vocab';

const T = '2026-03-02T08:00:00.000Z';

const SPECIFIC: Record<CollectionName, Record<string, unknown>> = {
  places: { kind: 'courtyard', name: '测试院', parentId: null, code: 'c1', initials: 'csy', order: 0 },
  people: {
    name: '测试居民',
    initials: 'csjm',
    placeId: 'p-1',
    roles: [],
    vulnerabilities: [],
    active: true,
  },
  organizations: { kind: 'socialOrg', name: '测试组织', initials: 'cszz', contacts: [], serves: [] },
  demands: {
    placeId: 'p-1',
    title: '楼道灯不亮',
    description: '三单元楼道灯坏了',
    type: 'complaint',
    category: 'publicFacilities',
    source: 'visit',
    urgency: 'normal',
    status: 'received',
    receivedAt: T,
    vulnerable: false,
    reasonable: true,
    reopenedCount: 0,
  },
  topics: {
    title: '楼道照明',
    description: '多户反映楼道照明',
    category: 'publicFacilities',
    level: 'courtyard',
    originScope: 'xg',
    originLevel: 'courtyard',
    track: 'quick',
    status: 'collecting',
    demandIds: [],
    priority: 0,
    order: 0,
    stakeholders: [],
    escalations: [],
    meetingIds: [],
  },
  meetings: {
    kind: 'courtyardMeeting',
    title: '楼院议事会',
    startsAt: T,
    durationMinutes: 60,
    status: 'draft',
    agenda: [],
    roster: [],
    quorumNumerator: 2,
    quorumDenominator: 3,
    defaultRule: 'simpleMajority',
    defaultBase: 'present',
    proxyLimit: 1,
  },
  meetingRecords: { meetingId: 'm-1', kind: 'signIn', at: T, by: 'dev-1' },
  tasks: {
    demandIds: [],
    title: '修灯',
    description: '更换楼道灯',
    classification: 'individual',
    level: 'courtyard',
    status: 'assigned',
    parties: [],
    assignedAt: T,
    dueAt: T,
    escalationLevel: 0,
  },
  followUps: {
    kind: 'progress',
    subjectCollection: 'tasks',
    subjectId: 't-1',
    at: T,
    by: 'dev-1',
    note: '已联系物业',
  },
  projects: {
    kind: 'micro',
    title: '加装扶手',
    description: '楼道加装扶手',
    topicIds: [],
    fundSource: 'communityWelfareFund',
    year: 2026,
    budgetFen: 100_000,
    status: 'proposed',
    milestones: [],
    spending: [],
    consultations: [],
  },
  cases: { kind: 'case', title: '楼道照明案例', body: '经过议事解决', status: 'draft' },
  auditTrail: { at: T, actor: 'dev-1', device: 'dev-1', action: 'test' },
};

/** A valid document of `collection` with the given id and scope; `extra` overrides fields. */
export function validDoc(
  collection: CollectionName,
  id: string,
  scope: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> & { id: string; scope: string } {
  return {
    id,
    scope,
    createdAt: T,
    createdBy: 'dev-1',
    updatedAt: T,
    updatedBy: 'dev-1',
    ...SPECIFIC[collection],
    ...extra,
  };
}

/**
 * The author fields of a document the device `deviceId` writes: the hub refuses a pushed document
 * that names another device as its creator, editor or (audit entries) actor.
 */
export function authoredBy(collection: CollectionName, deviceId: string): Record<string, string> {
  return {
    createdBy: deviceId,
    updatedBy: deviceId,
    ...(collection === 'auditTrail' ? { actor: deviceId, device: deviceId } : {}),
  };
}

/** The same document edited (fields every collection has) by `by`, to make a new state. */
export function editOf<T extends Record<string, unknown>>(doc: T, n: number, by?: string): T {
  const updatedAt = `2026-03-02T09:00:${String(n % 60).padStart(2, '0')}.000Z`;
  return { ...doc, updatedAt, updatedBy: by ?? doc['updatedBy'] };
}
