import type { MeetingDoc, RosterEntry } from '#shared/schema/index';

// The chair (主持人) is marked on the roster beside the person's own role, so a resident
// representative who chairs still counts as a representative. Whether a chair who is a voting
// member keeps their vote is asked when they are chosen and recorded with the meeting.

export const CHAIR_ROLE = '主持人';
const SEPARATOR = '、';

const rolesOf = (role: string | undefined): string[] =>
  (role ?? '').split(SEPARATOR).filter((r) => r.trim() !== '');

export const isChair = (entry: Pick<RosterEntry, 'role'>): boolean =>
  rolesOf(entry.role).includes(CHAIR_ROLE);

/** The chair's name on the roster, who approves the minutes unless someone else is named. */
export const chairOf = (meeting: Pick<MeetingDoc, 'roster'>): string | undefined =>
  meeting.roster.find(isChair)?.name;

/** The person's own role without the chair mark ("居民代表、主持人" → "居民代表"). */
export function ownRole(entry: Pick<RosterEntry, 'role'>): string | undefined {
  const own = rolesOf(entry.role).filter((r) => r !== CHAIR_ROLE);
  return own.length > 0 ? own.join(SEPARATOR) : undefined;
}

/** Making this member the chair needs the vote question answered: they are a voting member. */
export const chairNeedsVoteQuestion = (roster: readonly RosterEntry[], personId: string): boolean =>
  roster.find((r) => r.personId === personId)?.entitled === true;

/**
 * Makes `personId` the chair: the previous chair goes back to their own role (their vote switch
 * stays as it is, for the clerk to see and set), the new chair keeps their role label and votes
 * only when `keepsVote` says so. Someone chairing without being a member never votes.
 */
export function appointChair(
  meeting: Pick<MeetingDoc, 'roster'>,
  personId: string,
  keepsVote: boolean,
): { readonly roster: RosterEntry[]; readonly chairVotes: boolean } | string {
  const chosen = meeting.roster.find((r) => r.personId === personId);
  if (!chosen) return '主持人须先在应到人员名单中';
  const wasMember = chosen.entitled;
  const roster = meeting.roster.map((r): RosterEntry => {
    if (r.personId === personId) {
      const own = ownRole(r);
      return {
        ...r,
        role: own ? `${own}${SEPARATOR}${CHAIR_ROLE}` : CHAIR_ROLE,
        entitled: wasMember && keepsVote,
      };
    }
    if (!isChair(r)) return r;
    const own = ownRole(r);
    const { role: _role, ...rest } = r;
    void _role;
    return { ...rest, ...(own ? { role: own } : {}) };
  });
  return { roster, chairVotes: wasMember && keepsVote };
}

/** （居民代表，保留表决权） after the chair's name in the minutes; empty when the chair is not a member. */
export function chairNote(meeting: Pick<MeetingDoc, 'roster' | 'chairVotes'>): string {
  const chair = meeting.roster.find(isChair);
  const own = chair ? ownRole(chair) : undefined;
  if (!chair || own === undefined || meeting.chairVotes === undefined) return '';
  return `（${own}，${meeting.chairVotes ? '保留表决权' : '主持期间不参加表决'}）`;
}
