import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDoc, FollowUpDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useObservable } from '../../kit/use-observable';
import './strings';

export interface HistoryLine {
  at: string;
  text: string;
  note?: string;
}

/**
 * What happened to a demand, oldest first: its audit entries (found through the indexed scope of
 * the demand) and the follow-ups written about it.
 */
export function useDemandHistory(id: string, scope: string): HistoryLine[] {
  const { t } = useTranslation('demands');
  const db = useDatabase();
  const audits = useObservable(
    useMemo(
      () => db.auditTrail.find({ selector: { scope, targetId: id }, sort: [{ at: 'asc' }] }).$,
      [db, scope, id],
    ),
    [],
  );
  const followUps = useObservable(
    useMemo(() => db.followUps.find({ selector: { subjectId: id }, sort: [{ at: 'asc' }] }).$, [db, id]),
    [],
  );
  return [
    ...audits.map((a) => {
      const entry = a.toJSON() as AuditEntryDoc;
      return {
        at: entry.at,
        text: t(`detail.actions.${entry.action}`, { defaultValue: entry.action }),
        note: entry.detail,
      };
    }),
    ...followUps.map((f) => {
      const entry = f.toJSON() as FollowUpDoc;
      return { at: entry.at, text: t(`detail.followUps.${entry.kind}`), note: entry.note };
    }),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
