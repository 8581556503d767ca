import { useEffect, useState } from 'react';
import type { MeetingDoc } from '#shared/schema/index';

// Minutes are typed for half an hour or more on a hall PC that may lose power: the text being
// edited is kept on this device a second after each change, and offered back when the screen
// opens again. Saving (or approving) the minutes clears it.

const DELAY_MS = 1_000;
const keyOf = (meetingId: string) => `yishi.minutesDraft.${meetingId}`;

interface Stored {
  readonly text: string;
  readonly savedAt: string;
}

function read(meetingId: string): Stored | null {
  try {
    const raw = localStorage.getItem(keyOf(meetingId));
    const parsed = raw ? (JSON.parse(raw) as Partial<Stored>) : null;
    return typeof parsed?.text === 'string' && typeof parsed.savedAt === 'string'
      ? { text: parsed.text, savedAt: parsed.savedAt }
      : null;
  } catch {
    return null;
  }
}

export function useMinutesDraft(meeting: MeetingDoc) {
  const [restored] = useState(() => {
    const stored = read(meeting.id);
    return stored && stored.text !== (meeting.minutesText ?? '') ? stored : null;
  });
  const [edited, setEdited] = useState<string | null>(restored?.text ?? null);
  useEffect(() => {
    if (edited === null) return undefined;
    const timer = window.setTimeout(() => {
      const stored: Stored = { text: edited, savedAt: new Date().toISOString() };
      localStorage.setItem(keyOf(meeting.id), JSON.stringify(stored));
    }, DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [edited, meeting.id]);
  return {
    edited,
    setEdited,
    /** When the draft offered back was kept, if one was. */
    restoredAt: restored?.savedAt,
    /** Forget the local copy: the minutes were saved, or the edits dropped. */
    discard: () => {
      localStorage.removeItem(keyOf(meeting.id));
      setEdited(null);
    },
  };
}
