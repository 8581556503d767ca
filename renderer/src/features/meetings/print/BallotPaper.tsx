import { useTranslation } from 'react-i18next';
import { chineseDate, votesOf, attendanceOf } from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';

/** 纸质选票: one ballot per motion (the votes opened so far, else one per agenda item), two to a page. */
export function BallotPaper({ meeting, records }: { meeting: MeetingDoc; records: MeetingRecordDoc[] }) {
  const { t } = useTranslation('meetings');
  const votes = votesOf(meeting, records, attendanceOf(meeting, records));
  const motions =
    votes.length > 0
      ? votes.map((v) => ({ key: v.voteId, text: v.motion ?? '', rule: v.rule }))
      : meeting.agenda.map((a) => ({
          key: a.itemId,
          text: `同意“${a.title}”的方案`,
          rule: meeting.defaultRule,
        }));
  return (
    <>
      {motions.map((m, i) => (
        <div key={m.key}>
          <div className="ballot">
            <h2>
              {meeting.title}
              {t('print.ballotTitle')}
            </h2>
            <p className="flush">
              {t('print.ballotItem')}：{m.text}
            </p>
            <p className="flush">
              {t('console.rule')}：{t(`rules.${m.rule}`)}
              {'\u3000'}
              {chineseDate(meeting.startsAt)}
            </p>
            <div className="choices">
              <span>
                <span className="box" />
                {t('console.yes')}
              </span>
              <span>
                <span className="box" />
                {t('console.no')}
              </span>
              <span>
                <span className="box" />
                {t('console.abstain')}
              </span>
            </div>
            <p className="flush" style={{ fontSize: '10.5pt' }}>
              {t('print.ballotHint')}
            </p>
          </div>
          {i % 2 === 0 && i < motions.length - 1 && <div className="cut" />}
        </div>
      ))}
    </>
  );
}
