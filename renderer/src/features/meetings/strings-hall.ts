import { addStrings } from '../../kit/i18n';

// Strings of the hall's confirmations, refusals and invitations (the rest are in strings.ts).

const zh = {
  hall: {
    cancel: '取消',
    adjournTitle: '确认散会？',
    adjournConfirm: '确认散会',
    adjournNothingOpen: '各项议程均已形成结果，没有排队发言。',
    adjournOpen: '散会后不能再发言、表决或记录议定事项。以下事项尚未完成：',
    queuedSpeakers: '排队发言：{{names}}',
    itemsWithoutResult: '议程“{{title}}”：{{reason}}',
    openVotes: '表决“{{motion}}”尚未结束计票',
    earlyTitle: '提前开始会议？',
    earlyConfirm: '确认提前开始',
    earlyNote: '提前开会会记录在会议上。',
    startedEarly: '本次会议提前于 {{at}} 开始',
    currentItem: '当前议程：{{title}}',
    noCurrentItem: '尚未开始议程',
    willAdd: '（{{count}} 人）',
    rosterFrom: '按身份加入的人员来自：{{place}}',
    wholePlace: '本社区全部楼院',
    selectAll: '全选',
    selectPerson: '选择 {{name}}',
    removeSelected: '移除所选（{{count}} 人）',
    selectToRemove: '勾选人员后可批量移除',
    redraftTitle: '重新生成纪要草稿？',
    redraftConfirm: '重新生成，替换现有内容',
    redraftBody: '当前纪要中已有修改。重新生成会用会议记录替换全部内容，已做的修改将丢失。',
    approveTitle: '批准会议纪要？',
    approveConfirm: '确认批准',
    approveBody: '批准后纪要不能再修改。批准人和批准时间将记录在纪要和公示上。',
    approver: '批准人',
    approverMissing: '请填写批准人姓名',
    approveAfterSave: '纪要有未保存的修改，保存后才能批准。',
    restored: '已恢复本机 {{at}} 自动保存、尚未保存到会议的纪要修改。',
    leaveTitle: '纪要还没有保存',
    leaveBody: '离开后，未保存的修改仍暂存在本机，下次打开纪要时可以恢复；但其他设备看不到。确定离开吗？',
    leaveConfirm: '离开',
    leaveCancel: '留下继续编辑',
    chairVoteTitle: '{{name}}担任主持人，是否保留表决权？',
    chairVoteBody:
      '{{name}}是本次会议有表决权的{{role}}。主持期间是否参加表决，将记录在会议上并写入纪要；其身份仍为{{role}}。',
    chairKeepsVote: '保留表决权',
    chairGivesUpVote: '主持期间不参加表决',
    chairLine: '主持人：{{name}}{{note}}',
    member: '应到人员',
  },
};

const en: typeof zh = {
  hall: {
    cancel: 'Cancel',
    adjournTitle: 'Adjourn the meeting?',
    adjournConfirm: 'Adjourn',
    adjournNothingOpen: 'Every agenda item has a result and nobody is waiting to speak.',
    adjournOpen: 'After adjourning nobody can speak, vote or record decisions. Still open:',
    queuedSpeakers: 'Waiting to speak: {{names}}',
    itemsWithoutResult: 'Item “{{title}}”: {{reason}}',
    openVotes: 'Vote “{{motion}}” has not been closed',
    earlyTitle: 'Start the meeting early?',
    earlyConfirm: 'Start early',
    earlyNote: 'The early start is recorded with the meeting.',
    startedEarly: 'Started early at {{at}}',
    currentItem: 'Current item: {{title}}',
    noCurrentItem: 'No item started',
    willAdd: ' ({{count}})',
    rosterFrom: 'People added by role come from: {{place}}',
    wholePlace: 'the whole community',
    selectAll: 'Select all',
    selectPerson: 'Select {{name}}',
    removeSelected: 'Remove selected ({{count}})',
    selectToRemove: 'Tick people to remove several at once',
    redraftTitle: 'Regenerate the draft?',
    redraftConfirm: 'Regenerate and replace',
    redraftBody:
      'The minutes have been edited. Regenerating replaces all of the text with the record; the edits are lost.',
    approveTitle: 'Approve the minutes?',
    approveConfirm: 'Approve',
    approveBody:
      'Approved minutes cannot be changed. The approver and time are printed on the minutes and the public notice.',
    approver: 'Approved by',
    approverMissing: 'Enter the approver’s name',
    approveAfterSave: 'The minutes have unsaved edits; save them before approving.',
    restored: 'Restored edits kept on this device at {{at}} that were not saved to the meeting.',
    leaveTitle: 'The minutes are not saved',
    leaveBody:
      'Unsaved edits stay on this device and come back next time, but other devices cannot see them. Leave anyway?',
    leaveConfirm: 'Leave',
    leaveCancel: 'Stay and keep editing',
    chairVoteTitle: 'Does {{name}} keep a vote while chairing?',
    chairVoteBody:
      '{{name}} is a voting {{role}} of this meeting. Whether the chair votes is recorded with the meeting and in the minutes; the role stays {{role}}.',
    chairKeepsVote: 'Keeps the vote',
    chairGivesUpVote: 'Does not vote while chairing',
    chairLine: 'Chair: {{name}}{{note}}',
    member: 'member',
  },
};

addStrings('meetings', zh, en);

export type MeetingsHallStrings = typeof zh;
