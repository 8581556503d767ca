// 议 Deliberate: pure rules of the meeting console, minutes, notices, series and the guide.
// Built on the shared vote rules (#shared/domain/votes) and the meeting machine.
export { runCommand } from './commands';
export type { CommandResult, ConsoleCommand, DecisionParty } from './command-types';
export { attendanceRecords, byTime, currentEntries, makeRecord } from './records';
export type { Current, RecordFields } from './records';
export { attendanceOf, decisionsOf, liveState, quorumOf, secondsBetween } from './live';
export type { DecisionView, ItemTiming, LiveState, SpeakerEntry } from './live';
export { totalsByOrigin, voteInput, votesOf } from './vote-view';
export type { ClosedResult, CountEntry, VoteView } from './vote-view';
export { meetingStep } from './lifecycle';
export {
  approvalLine,
  CHAIR_ROLE,
  chairOf,
  earlyStart,
  nothingUnfinished,
  rosterPlace,
  unfinishedBusiness,
} from './adjourn';
export type { UnfinishedBusiness } from './adjourn';
export type { MeetingPatch, MeetingStepInput } from './lifecycle';
export { attendanceSentence, draftMinutes, quorumLabel, voteSentence } from './minutes';
export type { MinutesContext } from './minutes';
export { noticeText, paperToText, publicNoticeText } from './notices';
export type { NoticeContext, PaperText } from './notices';
export { nextSession, openItems } from './series';
export type { NextSessionInput, OpenItem } from './series';
export { GUIDE_STEPS, GUIDE_STEP_LABELS, guideFor } from './guide';
export type { GuideInput, GuideStep, GuideStepKey } from './guide';
export { addToRoster, agendaFromTopics, agendaMinutes, KIND_DEFAULTS, preparationProblems } from './prepare';
export type { KindDefaults } from './prepare';
export {
  chineseDate,
  chineseDateTime,
  chineseDuration,
  chineseNumber,
  MEETING_KIND_LABELS,
  PARTY_KIND_LABELS,
  STAKEHOLDER_KIND_LABELS,
} from './labels';
export { guideForMeeting } from './meeting-guide';
export { attendanceText, attendeeGroup, meetingFigures, voteOutcomeText } from './figures';
export type {
  AttendanceFigures,
  AttendeeGroups,
  FiguresOptions,
  MeetingFigures,
  TaskFigure,
  TaskFigures,
  VoteFigure,
} from './figures';
