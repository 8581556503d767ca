// One line per record in a drill-down list: what it is (primary) and where/when/state (secondary).
import type { FigureCollection } from '#shared/domain/reports/index';
import type {
  DemandDoc,
  FollowUpDoc,
  MeetingDoc,
  MeetingRecordDoc,
  ProjectDoc,
  TaskDoc,
} from '#shared/schema/index';
import { yuan } from './format';
import { formatDate, formatDateTime } from '../../kit/beijing-time';
import type { Translate } from './report-sections';

export interface DrillRow {
  readonly id: string;
  readonly primary: string;
  readonly secondary: string;
}

type AnyDoc = DemandDoc | FollowUpDoc | TaskDoc | MeetingDoc | MeetingRecordDoc | ProjectDoc;

const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' · ');

export function drillRow(
  collection: FigureCollection,
  doc: AnyDoc,
  t: Translate,
  placeName: (scope: string) => string,
): DrillRow {
  const place = placeName(doc.scope);
  switch (collection) {
    case 'demands': {
      const d = doc as DemandDoc;
      return {
        id: d.id,
        primary: d.title,
        secondary: join(
          place,
          formatDate(d.receivedAt),
          t(`categories.${d.category}`),
          t(`demandStates.${d.status}`),
        ),
      };
    }
    case 'followUps': {
      const f = doc as FollowUpDoc;
      return {
        id: f.id,
        primary: f.note || (f.outcome ? t(`outcomes.${f.outcome}`) : f.kind),
        secondary: join(place, formatDateTime(f.at), f.outcome ? t(`outcomes.${f.outcome}`) : undefined),
      };
    }
    case 'tasks': {
      const task = doc as TaskDoc;
      return {
        id: task.id,
        primary: task.title,
        secondary: join(
          place,
          `${formatDate(task.assignedAt)}–${formatDate(task.dueAt)}`,
          t(`taskStates.${task.status}`),
        ),
      };
    }
    case 'meetings': {
      const m = doc as MeetingDoc;
      return {
        id: m.id,
        primary: m.title,
        secondary: join(place, formatDateTime(m.startsAt), t(`meetingKinds.${m.kind}`)),
      };
    }
    case 'meetingRecords': {
      const r = doc as MeetingRecordDoc;
      return {
        id: r.id,
        primary: r.name ?? r.personId ?? r.id,
        secondary: join(place, formatDateTime(r.at), t(`recordKinds.${r.kind}`)),
      };
    }
    case 'projects': {
      const p = doc as ProjectDoc;
      return {
        id: p.id,
        primary: p.title,
        secondary: join(
          place,
          t(`fundSources.${p.fundSource}`),
          `${yuan(p.budgetFen)} 元`,
          t(`projectStates.${p.status}`),
        ),
      };
    }
  }
}
