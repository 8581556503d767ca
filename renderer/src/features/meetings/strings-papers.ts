import { addStrings } from '../../kit/i18n';

// Strings of the ballot sheets, the invitations and their notification records, and the projector.

const zh = {
  papers: {
    copies: '每项表决印制份数',
    copiesHelp: '每张 A4 纸印 {{perSheet}} 联，沿虚线剪开',
    sheetsSummary: '共 {{motions}} 项表决，每项 {{copies}} 份，需 {{sheets}} 张 A4 纸',
    cutHere: '✂ 沿此线剪开',
    copyNo: '第 {{copy}} 份',
    invitation: '参会通知',
    invitee: '通知对象',
    noInvitees: '还没有邀请对象：请先加入应到人员，或在议程的议题下确定参与主体。',
  },
  invites: {
    title: '邀请与通知',
    count: '已通知 {{notified}} / 共 {{total}}',
    explain: '“已通知”只计下面记录了通知方式和时间的对象。',
    forItems: '参加：{{items}}',
    wholeMeeting: '全程参会',
    notYet: '未通知',
    told: '{{method}} · {{at}}',
    method: '通知方式',
    record: '记录已通知',
    print: '打印通知',
    withdraw: '撤销这条通知记录',
    closed: '会议已开始，不能再记录通知。',
  },
  projector: {
    fullscreen: '全屏',
    exitFullscreen: '退出全屏',
    next: '接下来发言',
    noneQueued: '暂无排队发言',
    agenda: '议程',
    itemTime: '本项',
    speechTime: '发言',
    overrun: '已超时',
    motion: '表决事项',
    lastResult: '表决结果',
  },
};

const en: typeof zh = {
  papers: {
    copies: 'Copies of each ballot',
    copiesHelp: '{{perSheet}} slips per A4 sheet, cut along the dashed lines',
    sheetsSummary: '{{motions}} motions, {{copies}} copies each: {{sheets}} A4 sheets',
    cutHere: '✂ cut here',
    copyNo: 'Copy {{copy}}',
    invitation: 'Invitation',
    invitee: 'Addressed to',
    noInvitees: 'Nobody is invited yet: add the roster, or name the parties of the topics on the agenda.',
  },
  invites: {
    title: 'Invitations',
    count: 'Notified {{notified}} of {{total}}',
    explain: '“Notified” counts only the parties with a recorded notification below.',
    forItems: 'For: {{items}}',
    wholeMeeting: 'Whole meeting',
    notYet: 'Not notified',
    told: '{{method}} · {{at}}',
    method: 'How',
    record: 'Record notification',
    print: 'Print invitation',
    withdraw: 'Withdraw this record',
    closed: 'The meeting has started; notifications can no longer be recorded.',
  },
  projector: {
    fullscreen: 'Full screen',
    exitFullscreen: 'Exit full screen',
    next: 'Next speakers',
    noneQueued: 'Nobody waiting',
    agenda: 'Agenda',
    itemTime: 'Item',
    speechTime: 'Speech',
    overrun: 'Over time',
    motion: 'Motion',
    lastResult: 'Result',
  },
};

addStrings('meetings', zh, en);

export type MeetingsPapersStrings = typeof zh;
