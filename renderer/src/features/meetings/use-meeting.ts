import { useEffect, useMemo, useState } from 'react';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useObservable } from '../../kit/use-observable';
import { map } from 'rxjs';

// Live queries: the console, the projector tab and a second recorder all read the same
// database (multiInstance), so every new record shows up everywhere without a refresh.

/** undefined while loading, null when there is no such meeting. */
export function useMeeting(id: string): MeetingDoc | null | undefined {
  const db = useDatabase();
  const source = useMemo(
    () => db.meetings.findOne(id).$.pipe(map((doc) => (doc ? (doc.toMutableJSON() as MeetingDoc) : null))),
    [db, id],
  );
  return useObservable(source, undefined);
}

export function useMeetingRecords(meetingId: string): MeetingRecordDoc[] {
  const db = useDatabase();
  const source = useMemo(
    () =>
      db.meetingRecords
        .find({ selector: { meetingId }, sort: [{ at: 'asc' }] })
        .$.pipe(map((docs) => docs.map((d) => d.toMutableJSON() as MeetingRecordDoc))),
    [db, meetingId],
  );
  return useObservable(source, [] as MeetingRecordDoc[]);
}

/** The current time, ticking every `ms` (timers on the console and the projector). */
export function useClock(ms = 1000): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

const LIMIT_KEY = (meetingId: string) => `yishi.speakerLimit.${meetingId}`;

/** Minutes per speaker: a setting of this hall's screens, shared with the projector tab through localStorage. */
export function useSpeakerLimit(meetingId: string): [number, (minutes: number) => void] {
  const read = () => Number(localStorage.getItem(LIMIT_KEY(meetingId)) ?? 3) || 3;
  const [limit, setLimit] = useState(read);
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === LIMIT_KEY(meetingId)) setLimit(Number(e.newValue ?? 3) || 3);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [meetingId]);
  return [
    limit,
    (minutes: number) => {
      localStorage.setItem(LIMIT_KEY(meetingId), String(minutes));
      setLimit(minutes);
    },
  ];
}

/** mm:ss */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
