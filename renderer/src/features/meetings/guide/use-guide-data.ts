import { useMemo } from 'react';
import { map } from 'rxjs';
import type { MeetingDoc, MeetingRecordDoc, TaskDoc, TopicDoc } from '#shared/schema/index';
import { useDatabase } from '../../../db/DatabaseContext';
import { useObservable } from '../../../kit/use-observable';

/** Tasks of the given topics (结果办理, 监督跟进). */
export function useTasksOf(topicIds: readonly string[]): TaskDoc[] {
  const db = useDatabase();
  const key = topicIds.join(',');
  const source = useMemo(
    () =>
      db.tasks
        .find()
        .$.pipe(
          map((docs) =>
            docs
              .map((d) => d.toJSON() as TaskDoc)
              .filter((t) => t.topicId !== undefined && key.split(',').includes(t.topicId)),
          ),
        ),
    [db, key],
  );
  return useObservable(source, [] as TaskDoc[]);
}

/** The meetings of a topic and their records. */
export function useTopicMeetings(topic: TopicDoc | null | undefined): {
  meetings: MeetingDoc[];
  records: MeetingRecordDoc[];
} {
  const db = useDatabase();
  const ids = topic?.meetingIds.join(',') ?? '';
  const meetingSource = useMemo(
    () =>
      db.meetings
        .find({ selector: { scope: topic?.scope ?? '-' } })
        .$.pipe(
          map((docs) =>
            docs
              .map((d) => d.toJSON() as MeetingDoc)
              .filter((m) => ids.split(',').includes(m.id) || m.agenda.some((a) => a.topicId === topic?.id)),
          ),
        ),
    [db, ids, topic?.scope, topic?.id],
  );
  const meetings = useObservable(meetingSource, [] as MeetingDoc[]);
  const meetingIds = meetings.map((m) => m.id).join(',');
  const recordSource = useMemo(
    () =>
      db.meetingRecords
        .find({ selector: { meetingId: { $in: meetingIds ? meetingIds.split(',') : [] } } })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as MeetingRecordDoc))),
    [db, meetingIds],
  );
  return { meetings, records: useObservable(recordSource, [] as MeetingRecordDoc[]) };
}

export function useTopic(id: string): TopicDoc | null | undefined {
  const db = useDatabase();
  const source = useMemo(
    () => db.topics.findOne(id).$.pipe(map((d) => (d ? (d.toJSON() as TopicDoc) : null))),
    [db, id],
  );
  return useObservable(source, undefined);
}
