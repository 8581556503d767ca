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
export { approvalLine, earlyStart, nothingUnfinished, rosterPlace, unfinishedBusiness } from './adjourn';
export type { UnfinishedBusiness } from './adjourn';
export type { MeetingPatch, MeetingStepInput } from './lifecycle';
export { attendanceSentence, draftMinutes, quorumLabel, voteSentence } from './minutes';
export type { MinutesContext } from './minutes';
export { invitationText, noticeText, paperToText, publicNoticeText } from './notices';
export {
  appointChair,
  CHAIR_ROLE,
  chairNeedsVoteQuestion,
  chairNote,
  chairOf,
  isChair,
  ownRole,
} from './chair';
export {
  inviteesOf,
  isOrganizationChoice,
  NOTIFICATION_METHOD_LABELS,
  PARTY_CHOICES,
  stakeholderOf,
  notificationsOf,
  notifiedCount,
  recordNotification,
  stakeholderLabel,
  withdrawNotification,
} from './invitations';
export type { Invitee, NotifyInput, OrganizationRef, PartyChoice } from './invitations';
export type { NoticeContext, PaperText } from './notices';
export { nextSession, openItems } from './series';
export type { NextSessionInput, OpenItem } from './series';
export { GUIDE_STEPS, GUIDE_STEP_LABELS, guideFor } from './guide';
export type { GuideInput, GuideStep, GuideStepKey } from './guide';
export { addToRoster, agendaFromTopics, agendaMinutes, KIND_DEFAULTS, preparationProblems } from './prepare';
export type { KindDefaults } from './prepare';
export {
  editPreparation,
  linkTopicToMeeting,
  scheduleMeeting,
  scheduleNextSession,
  setTopicStakeholders,
} from './planning';
export type { NewMeeting, PreparationEdit } from './planning';
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
export {
  ballotMotions,
  ballotSheets,
  defaultMotion,
  halfWidthPunctuation,
  MAX_BALLOT_COPIES,
  SLIPS_PER_SHEET,
  titleParts,
} from './papers';
export type { BallotMotion, BallotSlip } from './papers';
export { clockText, countdown, nextSpeakers } from './countdown';
export type { Countdown } from './countdown';
export { projectedVote, projectorView } from './projector';
export type { AgendaRow, AgendaRowState, ProjectorView } from './projector';
