import { useTranslation } from 'react-i18next';
import {
  attendanceOf,
  chineseDateTime,
  currentEntries,
  MEETING_KIND_LABELS,
} from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { formatClock } from '../../../kit/beijing-time';
import type { PaperContext } from './NoticePapers';
import { Title } from './Title';

/** 签到表: the roster with a column to sign; sign-ins and proxies already recorded are filled in. */
export function SignInSheet({
  meeting,
  records,
  context,
}: {
  meeting: MeetingDoc;
  records: MeetingRecordDoc[];
  context: PaperContext;
}) {
  const { t } = useTranslation('meetings');
  const present = attendanceOf(meeting, records);
  const signedAt = new Map(
    currentEntries(records, ['signIn']).flatMap(({ record }) =>
      record.personId ? [[record.personId, record.at] as const] : [],
    ),
  );
  const nameOf = (id: string) => meeting.roster.find((r) => r.personId === id)?.name ?? '';
  const proxyFor = new Map(present.proxies.map((p) => [p.forId, p.holderId]));
  const entitled = meeting.roster.filter((r) => r.entitled);
  const rows = [...entitled, ...meeting.roster.filter((r) => !r.entitled)];
  const blank = Math.max(4, 24 - rows.length);
  return (
    <>
      <h1>
        <Title text={`${meeting.title}签到表`} />
      </h1>
      <div className="subtitle">
        {MEETING_KIND_LABELS[meeting.kind]}
        {'\u3000'}
        {chineseDateTime(meeting.startsAt)}
        {'\u3000'}
        {context.venueName ?? ''}
        {'\u3000'}应到 {entitled.length} 人
      </div>
      <table>
        <thead>
          <tr>
            <th style={{ width: '9%' }}>{t('print.no')}</th>
            <th style={{ width: '14%' }}>{t('print.name')}</th>
            <th style={{ width: '24%' }}>{t('print.role')}</th>
            <th style={{ width: '13%' }}>{t('print.time')}</th>
            <th>{t('print.signature')}</th>
            <th style={{ width: '16%' }}>{t('print.proxyNote')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const at = signedAt.get(r.personId);
            const holder = proxyFor.get(r.personId);
            return (
              <tr key={r.personId}>
                <td>{i + 1}</td>
                <td>{r.name}</td>
                <td>{r.entitled ? (r.role ?? '') : `${r.role ?? ''}（${t('prepare.observer')}）`}</td>
                <td>{at ? formatClock(at) : ''}</td>
                <td />
                <td>{holder ? `委托${nameOf(holder)}` : ''}</td>
              </tr>
            );
          })}
          {Array.from({ length: blank }, (_, i) => (
            <tr key={`blank-${i}`}>
              <td>{rows.length + i + 1}</td>
              <td />
              <td>{t('prepare.observer')}</td>
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
