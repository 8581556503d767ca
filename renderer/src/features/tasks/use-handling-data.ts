import { useMemo } from 'react';
import type { RxDocument } from 'rxdb';
import { map } from 'rxjs';
import type {
  DemandDoc,
  FollowUpDoc,
  MeetingDoc,
  MeetingRecordDoc,
  OrganizationDoc,
  TaskDoc,
  TopicDoc,
} from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useObservable } from '../../kit/use-observable';

// Live lists for 办/督/评. Documents are turned into plain objects once per change, so the pure
// domain functions receive what they would receive on the hub.

const plain = <T>(docs: RxDocument<T>[]) => docs.map((d) => d.toJSON() as T);

export function useTasks(): TaskDoc[] | null {
  const db = useDatabase();
  return useObservable(
    useMemo(() => db.tasks.find().$.pipe(map(plain<TaskDoc>)), [db]),
    null,
  );
}

export function useTask(id: string): TaskDoc | null | undefined {
  const db = useDatabase();
  return useObservable(
    useMemo(() => db.tasks.findOne(id).$.pipe(map((d) => (d ? (d.toJSON() as TaskDoc) : null))), [db, id]),
    undefined,
  );
}

export function useTaskFollowUps(taskId: string): FollowUpDoc[] | null {
  const db = useDatabase();
  return useObservable(
    useMemo(
      () =>
        db.followUps
          .find({ selector: { subjectId: taskId }, sort: [{ at: 'asc' }] })
          .$.pipe(map(plain<FollowUpDoc>)),
      [db, taskId],
    ),
    null,
  );
}

export function useFollowUps(): FollowUpDoc[] | null {
  const db = useDatabase();
  return useObservable(
    useMemo(() => db.followUps.find().$.pipe(map(plain<FollowUpDoc>)), [db]),
    null,
  );
}

export function useDemands(): DemandDoc[] | null {
  const db = useDatabase();
  return useObservable(
    useMemo(() => db.demands.find().$.pipe(map(plain<DemandDoc>)), [db]),
    null,
  );
}

export function useDecisionRecords(): MeetingRecordDoc[] | null {
  const db = useDatabase();
  return useObservable(
    useMemo(
      () =>
        db.meetingRecords
          .find({ selector: { kind: { $in: ['decision', 'correction'] } } })
          .$.pipe(map(plain<MeetingRecordDoc>)),
      [db],
    ),
    null,
  );
}

export function useMeetings(): MeetingDoc[] | null {
  const db = useDatabase();
  return useObservable(
    useMemo(() => db.meetings.find().$.pipe(map(plain<MeetingDoc>)), [db]),
    null,
  );
}

export function useTopics(): TopicDoc[] | null {
  const db = useDatabase();
  return useObservable(
    useMemo(() => db.topics.find().$.pipe(map(plain<TopicDoc>)), [db]),
    null,
  );
}

export function useOrganizations(): OrganizationDoc[] | null {
  const db = useDatabase();
  return useObservable(
    useMemo(() => db.organizations.find().$.pipe(map(plain<OrganizationDoc>)), [db]),
    null,
  );
}
