import type { CountOrigin, TaskPartyKind, VoteBase, VoteRule } from '#shared/domain/vocab';
import type { MeetingRecordDoc } from '#shared/schema/index';
import { change, refuse, type Change, type Decided } from '#shared/domain/commands/index';

/** A responsible party named in a decision (责任方); the Handle step turns it into a task party. */
export interface DecisionParty {
  readonly name: string;
  readonly organizationId?: string;
  readonly kind: TaskPartyKind;
}

/** What the chair or recorder does at the console. Each becomes one or more new records. */
export type ConsoleCommand =
  | { readonly type: 'signIn'; readonly personId: string }
  | { readonly type: 'walkIn'; readonly name: string; readonly personId?: string }
  | { readonly type: 'proxy'; readonly holderId: string; readonly forId: string }
  | { readonly type: 'void'; readonly recordId: string }
  | { readonly type: 'startItem'; readonly itemId: string }
  | { readonly type: 'endItem'; readonly itemId: string }
  | { readonly type: 'queueSpeaker'; readonly name: string; readonly personId?: string }
  | { readonly type: 'startSpeaker'; readonly entryId: string }
  | { readonly type: 'endSpeaker'; readonly entryId: string; readonly text?: string }
  | {
      readonly type: 'openVote';
      readonly motion: string;
      readonly agendaItemId?: string;
      readonly rule?: VoteRule;
      readonly base?: VoteBase;
    }
  | {
      readonly type: 'recordCount';
      readonly voteId: string;
      readonly origin: CountOrigin;
      readonly yes: number;
      readonly no: number;
      readonly abstain: number;
    }
  | {
      readonly type: 'correctCount';
      readonly entryId: string;
      readonly yes: number;
      readonly no: number;
      readonly abstain: number;
    }
  | { readonly type: 'consensus'; readonly voteId: string }
  | { readonly type: 'closeVote'; readonly voteId: string }
  | {
      readonly type: 'recordDecision';
      readonly text: string;
      readonly parties: readonly DecisionParty[];
      readonly agendaItemId?: string;
      readonly voteId?: string;
    }
  | {
      readonly type: 'correctDecision';
      readonly decisionId: string;
      readonly text: string;
      readonly parties: readonly DecisionParty[];
    };

/** The new records to append, as a Change, or a refusal in Chinese. */
export type CommandResult = Decided<{ readonly change: Change }>;

export { refuse };
export const accept = (...records: MeetingRecordDoc[]): CommandResult => ({
  ok: true,
  change: change({ insert: { meetingRecords: records } }),
});
