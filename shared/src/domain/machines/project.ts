import { PROJECT_EVENTS, PROJECT_STATES, type ProjectEvent, type ProjectState } from '#shared/domain/vocab';
import type { Machine, MachineContext } from './machine';
import { HALL, STAFF, STREET_ONLY } from './role-groups';

// 微实事: proposed → assessed (feasibility and cost) → approved by a meeting vote → in progress →
// completed → accepted (验收) → published (公示); rejected at proposal or assessment.

export const projectMachine: Machine<ProjectState, ProjectEvent, MachineContext> = {
  name: 'project',
  states: PROJECT_STATES,
  events: PROJECT_EVENTS,
  stateLabels: {
    proposed: '已提出',
    assessed: '已评估',
    approved: '已表决通过',
    inProgress: '实施中',
    completed: '已完工',
    accepted: '已验收',
    published: '已公示',
    rejected: '未通过',
  },
  eventLabels: {
    assess: '完成可行性评估',
    approve: '登记表决通过',
    reject: '不予立项',
    start: '开始实施',
    complete: '完工',
    passAcceptance: '验收通过',
    rework: '返工',
    publish: '公示',
    reconsider: '重新提出',
  },
  rules: [
    { event: 'assess', from: ['proposed'], to: 'assessed', roles: STAFF, requires: ['feasibility'] },
    { event: 'approve', from: ['assessed'], to: 'approved', roles: HALL, requires: ['passedVote'] },
    { event: 'reject', from: ['proposed', 'assessed'], to: 'rejected', roles: HALL, requires: ['reason'] },
    { event: 'start', from: ['approved'], to: 'inProgress', roles: STAFF, requires: ['milestones'] },
    { event: 'complete', from: ['inProgress'], to: 'completed', roles: STAFF, requires: ['completionNote'] },
    {
      event: 'passAcceptance',
      from: ['completed'],
      to: 'accepted',
      roles: STAFF,
      requires: ['acceptanceRecord'],
      effects: [{ type: 'stamp', field: 'acceptedAt' }],
    },
    { event: 'rework', from: ['completed'], to: 'inProgress', roles: STAFF, requires: ['reason'] },
    {
      event: 'publish',
      from: ['accepted'],
      to: 'published',
      roles: STAFF,
      requires: ['publicNotice'],
      effects: [{ type: 'stamp', field: 'publishedAt' }],
    },
    { event: 'reconsider', from: ['rejected'], to: 'proposed', roles: STREET_ONLY, requires: ['reason'] },
  ],
};
