import type { CollectionName } from '#shared/domain/vocab';
import type {
  DemandDoc,
  FollowUpDoc,
  MeetingDoc,
  MeetingRecordDoc,
  PlaceDoc,
  ProjectDoc,
  TaskDoc,
} from '#shared/schema/index';
import { liesUnder } from '#shared/domain/places/index';

/** The collections a report reads; places only label and group. */
export interface ReportData {
  readonly places: readonly PlaceDoc[];
  readonly demands: readonly DemandDoc[];
  readonly followUps: readonly FollowUpDoc[];
  readonly tasks: readonly TaskDoc[];
  readonly meetings: readonly MeetingDoc[];
  readonly meetingRecords: readonly MeetingRecordDoc[];
  readonly projects: readonly ProjectDoc[];
}

export type FigureCollection = Extract<
  CollectionName,
  'demands' | 'followUps' | 'tasks' | 'meetings' | 'meetingRecords' | 'projects'
>;

/**
 * One number of a dashboard or report with the records it counts, so every number drills down.
 * `value` is the count of `ids`, or a sum over them (money in fen, people entitled to attend).
 */
export interface Figure {
  readonly value: number;
  readonly collection: FigureCollection;
  readonly ids: readonly string[];
}

export const countOf = (collection: FigureCollection, ids: readonly string[]): Figure => ({
  value: ids.length,
  collection,
  ids,
});

export const sumOf = (collection: FigureCollection, ids: readonly string[], value: number): Figure => ({
  value,
  collection,
  ids,
});

/** A share whose denominator is 0 is null, never NaN (as in the three rates). */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

/** The documents of every collection lying under `scope` (places are kept whole for labels). */
export function underScope(data: ReportData, scope: string): ReportData {
  const keep = <T extends { scope: string }>(docs: readonly T[]) =>
    docs.filter((d) => liesUnder(d.scope, scope));
  return {
    places: data.places,
    demands: keep(data.demands),
    followUps: keep(data.followUps),
    tasks: keep(data.tasks),
    meetings: keep(data.meetings),
    meetingRecords: keep(data.meetingRecords),
    projects: keep(data.projects),
  };
}
