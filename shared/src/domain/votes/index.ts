export { quorum } from './quorum';
export type { QuorumInput, QuorumResult } from './quorum';
export { attendance } from './attendance';
export type {
  Attendance,
  AttendanceRecord,
  AttendanceRefusal,
  AttendanceRefusalCode,
  Proxy,
  RosterEntry,
} from './attendance';
export {
  VOTE_BASE_LABELS,
  VOTE_RULE_LABELS,
  VoteInputError,
  computeVoteResult,
  tallyNamedBallots,
  validateVoteInput,
} from './tally';
export type {
  BallotChoice,
  NamedBallot,
  NamedTally,
  VoteCount,
  VoteInput,
  VoteProblem,
  VoteResult,
} from './tally';
