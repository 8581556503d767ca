import { DEMAND_EVENTS, DEMAND_STATES, type DemandEvent, type DemandState } from '#shared/domain/vocab';
import type { Machine, MachineContext } from './machine';
import { STAFF, HALL, STREET_ONLY } from './role-groups';

// 受理 → (归入议题) → 办理 → 答复/办结 → 回访关闭. `respondedAt` is stamped by the first step that
// answers the resident (受理, 转办理 or 答复): the 响应率 counts it.

const respond = { type: 'stamp', field: 'respondedAt', onlyIfEmpty: true } as const;

export const demandMachine: Machine<DemandState, DemandEvent, MachineContext> = {
  name: 'demand',
  states: DEMAND_STATES,
  events: DEMAND_EVENTS,
  stateLabels: {
    received: '已登记',
    accepted: '已受理',
    inTopic: '已归入议题',
    handling: '办理中',
    answered: '已答复',
    resolved: '已解决',
    closed: '已办结',
    unreasonable: '不合理诉求',
    duplicate: '重复诉求',
  },
  eventLabels: {
    accept: '受理',
    addToTopic: '归入议题',
    startHandling: '转办理',
    answer: '答复',
    resolve: '办结',
    close: '回访关闭',
    reopen: '重新办理',
    markUnreasonable: '认定为不合理诉求',
    markDuplicate: '认定为重复诉求',
    reinstate: '撤销认定',
  },
  rules: [
    { event: 'accept', from: ['received'], to: 'accepted', roles: STAFF, effects: [respond] },
    { event: 'addToTopic', from: ['accepted'], to: 'inTopic', roles: HALL, requires: ['topicId'] },
    {
      event: 'startHandling',
      from: ['accepted', 'inTopic'],
      to: 'handling',
      roles: STAFF,
      effects: [respond],
    },
    {
      event: 'answer',
      from: ['accepted', 'inTopic', 'handling'],
      to: 'answered',
      roles: HALL,
      requires: ['answerText'],
      effects: [respond],
    },
    {
      event: 'resolve',
      from: ['inTopic', 'handling'],
      to: 'resolved',
      roles: STAFF,
      requires: ['completionNote'],
      effects: [respond, { type: 'stamp', field: 'resolvedAt' }],
    },
    {
      event: 'close',
      from: ['answered', 'resolved'],
      to: 'closed',
      roles: STAFF,
      requires: ['satisfiedCallback'],
      effects: [{ type: 'stamp', field: 'closedAt' }],
    },
    {
      event: 'reopen',
      from: ['answered', 'resolved', 'closed'],
      to: 'handling',
      roles: STAFF,
      requires: [['unsatisfiedCallback', 'reason']],
      effects: [
        { type: 'increment', field: 'reopenedCount' },
        { type: 'clear', field: 'resolvedAt' },
        { type: 'clear', field: 'closedAt' },
      ],
    },
    {
      event: 'markUnreasonable',
      from: ['received', 'accepted', 'inTopic', 'handling'],
      to: 'unreasonable',
      roles: STAFF,
      requires: ['unreasonableEvidence'],
      effects: [{ type: 'set', field: 'reasonable', value: false }],
    },
    {
      event: 'markDuplicate',
      from: ['received', 'accepted'],
      to: 'duplicate',
      roles: STAFF,
      requires: ['duplicateOf'],
    },
    {
      event: 'reinstate',
      from: ['unreasonable', 'duplicate'],
      to: 'accepted',
      roles: STREET_ONLY,
      requires: ['reason'],
      effects: [
        { type: 'set', field: 'reasonable', value: true },
        { type: 'clear', field: 'duplicateOf' },
      ],
    },
  ],
};
