import { useMemo } from 'react';
import { inviteesOf, type Invitee } from '#shared/domain/meetings/index';
import type { MeetingDoc } from '#shared/schema/index';
import { useOrganizations, useTopics } from './use-reference';

/** Everyone the meeting invites: its roster and the parties of the topics on its agenda. */
export function useInvitees(meeting: MeetingDoc): Invitee[] {
  const topics = useTopics(meeting.scope);
  const organizations = useOrganizations(meeting.scope);
  return useMemo(
    () =>
      inviteesOf(
        meeting,
        topics,
        organizations.map((o) => ({ id: o.id, kind: o.kind })),
      ),
    [meeting, topics, organizations],
  );
}
