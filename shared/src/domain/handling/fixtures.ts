// Documents the handling tests share (not a test file itself).
import type { DemandDoc, MeetingDoc, MeetingRecordDoc, TaskDoc, TopicDoc } from '#shared/schema/index';
import { docsOf, type Change, type CommandContext } from '#shared/domain/commands/index';
import type { ActorRole } from '#shared/domain/vocab';
import { tasksFromDecision } from './tasks-from-decision';

export const NOW = '2026-11-20T02:00:00.000Z'; // a Friday, 10:00 in Beijing
let n = 0;
export const ctxAt = (now = NOW, role: ActorRole = 'community-worker'): CommandContext => ({
  actor: { id: 'device-1', role, scope: 'xg' },
  deviceId: 'device-1',
  now,
  newId: (prefix) => `${prefix}-${(n += 1)}`,
});

export const stamp = { createdAt: NOW, createdBy: 'd', updatedAt: NOW, updatedBy: 'd' };
export const decision: MeetingRecordDoc = {
  id: 'mrec-1',
  scope: 'xg.hxy.hxy6',
  ...stamp,
  meetingId: 'meeting-1',
  kind: 'decision',
  at: '2026-11-19T08:00:00.000Z',
  by: 'd',
  agendaItemId: 'item-1',
  text: '经表决通过：更换入户线路和电表箱。',
  parties: [
    { name: '京惠物业', kind: 'propertyCompany', organizationId: 'org-11' },
    { name: '远东仪表厂后勤服务部', kind: 'propertyRightsUnit', organizationId: 'org-22' },
  ],
};
export const meeting = {
  id: 'meeting-1',
  title: '惠新苑6号院议事会',
  agenda: [{ itemId: 'item-1', topicId: 'topic-1', title: '6号院电气线路改造', minutes: 20 }],
} satisfies Pick<MeetingDoc, 'id' | 'title' | 'agenda'>;
export const topic = {
  id: 'topic-1',
  scope: 'xg.hxy.hxy6',
  ...stamp,
  title: '6号院电气线路改造',
  description: '',
  category: 'electricHeating',
  level: 'courtyard',
  originScope: 'xg.hxy.hxy6',
  originLevel: 'courtyard',
  track: 'inDepth',
  status: 'deliberated',
  demandIds: ['d-1', 'd-2'],
  priority: 1,
  order: 0,
  stakeholders: [],
  escalations: [],
  meetingIds: ['meeting-1'],
  decision: '更换入户线路',
} satisfies TopicDoc;

export function demand(id: string, status: DemandDoc['status'], extra: Partial<DemandDoc> = {}): DemandDoc {
  return {
    id,
    scope: 'xg.hxy.hxy6',
    ...stamp,
    placeId: 'p',
    title: `诉求${id}`,
    description: '',
    type: 'complaint',
    category: 'electricHeating',
    source: 'visit',
    urgency: 'normal',
    status,
    receivedAt: '2026-11-02T02:00:00.000Z',
    vulnerable: false,
    reasonable: true,
    reopenedCount: 0,
    ...extra,
  };
}

export const sampleTasks = (): TaskDoc[] => {
  const result = tasksFromDecision(decision, { meeting, topic }, ctxAt(), { split: true });
  if (!result.ok) throw new Error(result.message);
  return result.tasks;
};

/** What a step's Change adds and replaces, for reading results in tests. */
export const followUpsOf = (result: { change: Change }) => [...docsOf(result.change, 'insert', 'followUps')];
export const tasksOf = (result: { change: Change }) => [...docsOf(result.change, 'update', 'tasks')];
export function demandOf(result: { change: Change }): DemandDoc {
  const [doc] = docsOf(result.change, 'update', 'demands');
  if (!doc) throw new Error('the step changed no demand');
  return doc;
}
