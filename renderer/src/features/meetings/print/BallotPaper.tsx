import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import {
  attendanceOf,
  ballotMotions,
  ballotSheets,
  chineseDate,
  votesOf,
  type BallotSlip,
} from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { Title } from './Title';
import '../strings-papers';

/** The motions a ballot sheet prints: the votes opened so far, else one per agenda item. */
export function meetingBallotMotions(meeting: MeetingDoc, records: MeetingRecordDoc[]) {
  return ballotMotions(meeting, votesOf(meeting, records, attendanceOf(meeting, records)));
}

/**
 * 纸质选票: A4 sheets of several slips each, with dashed cut lines between them; every slip
 * carries the full motion text, so a slip handed out before the meeting says what it decides.
 */
export function BallotPaper({
  meeting,
  records,
  copies,
}: {
  meeting: MeetingDoc;
  records: MeetingRecordDoc[];
  copies: number;
}) {
  const sheets = ballotSheets(meetingBallotMotions(meeting, records), copies);
  // A copy count that cannot be printed is refused beside its field (see PrintView).
  if (typeof sheets === 'string') return null;
  return (
    <>
      {sheets.map((slips, s) => (
        <div key={s} className="ballot-sheet" data-testid="ballot-sheet">
          {slips.map((slip, i) => (
            <Fragment key={`${slip.key}-${slip.copy}`}>
              {i > 0 && <CutLine />}
              <Slip meeting={meeting} slip={slip} />
            </Fragment>
          ))}
        </div>
      ))}
    </>
  );
}

function CutLine() {
  const { t } = useTranslation('meetings');
  return (
    <div className="cut" data-testid="ballot-cut">
      <span>{t('papers.cutHere')}</span>
    </div>
  );
}

function Slip({ meeting, slip }: { meeting: MeetingDoc; slip: BallotSlip }) {
  const { t } = useTranslation('meetings');
  return (
    <div className="ballot" data-testid="ballot-slip">
      <h2>
        <Title text={`${meeting.title}${t('print.ballotTitle')}`} />
      </h2>
      <p className="flush motion">
        {t('print.ballotItem')}：{slip.text}
      </p>
      <p className="flush">
        {t('console.rule')}：{t(`rules.${slip.rule}`)}
        {'\u3000'}
        {chineseDate(meeting.startsAt)}
        <span className="copy">{t('papers.copyNo', { copy: slip.copy })}</span>
      </p>
      <div className="choices">
        {(['yes', 'no', 'abstain'] as const).map((choice) => (
          <span key={choice}>
            <span className="box" />
            {t(`console.${choice}`)}
          </span>
        ))}
      </div>
      <p className="flush hint">{t('print.ballotHint')}</p>
    </div>
  );
}
