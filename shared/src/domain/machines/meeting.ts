import { MEETING_EVENTS, MEETING_STATES, type MeetingEvent, type MeetingState } from '#shared/domain/vocab';
import type { Machine, MachineContext } from './machine';
import { HALL } from './role-groups';

// 议事会: drafted, noticed (通知), held, closed (散会), minutes drafted from the record, approved,
// then published (公示). Sign-ins, speakers and votes are meetingRecords, not transitions.

export const meetingMachine: Machine<MeetingState, MeetingEvent, MachineContext> = {
  name: 'meeting',
  states: MEETING_STATES,
  events: MEETING_EVENTS,
  stateLabels: {
    draft: '筹备中',
    noticed: '已发通知',
    inProgress: '进行中',
    adjourned: '已散会',
    minutesDrafted: '纪要待批准',
    minutesApproved: '纪要已批准',
    published: '已公示',
    cancelled: '已取消',
  },
  eventLabels: {
    notice: '发布会议通知',
    start: '开始会议',
    adjourn: '散会',
    draftMinutes: '起草会议纪要',
    reviseMinutes: '修改会议纪要',
    approveMinutes: '批准会议纪要',
    publish: '公示结果',
    cancel: '取消会议',
  },
  rules: [
    { event: 'notice', from: ['draft'], to: 'noticed', roles: HALL, requires: ['agenda'] },
    { event: 'start', from: ['noticed'], to: 'inProgress', roles: HALL, requires: ['roster'] },
    { event: 'adjourn', from: ['inProgress'], to: 'adjourned', roles: HALL },
    {
      event: 'draftMinutes',
      from: ['adjourned'],
      to: 'minutesDrafted',
      roles: HALL,
      requires: ['minutesText'],
    },
    { event: 'reviseMinutes', from: ['minutesDrafted'], roles: HALL, requires: ['minutesText'] },
    {
      event: 'approveMinutes',
      from: ['minutesDrafted'],
      to: 'minutesApproved',
      roles: HALL,
      requires: ['minutesText'],
      effects: [
        { type: 'stamp', field: 'minutesApprovedAt' },
        { type: 'stampActor', field: 'minutesApprovedBy' },
      ],
    },
    {
      event: 'publish',
      from: ['minutesApproved'],
      to: 'published',
      roles: HALL,
      requires: ['publicNotice'],
      effects: [{ type: 'stamp', field: 'publishedAt' }],
    },
    { event: 'cancel', from: ['draft', 'noticed'], to: 'cancelled', roles: HALL, requires: ['reason'] },
  ],
};
