import { approvalLine, draftMinutes } from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import type { PaperContext } from './NoticePapers';
import { Title } from './Title';

/** 会议纪要 as printed: the approved (or latest saved) text, else a draft from the record. */
export function MinutesPaper({
  meeting,
  records,
  context,
}: {
  meeting: MeetingDoc;
  records: MeetingRecordDoc[];
  context: PaperContext;
}) {
  const text =
    meeting.minutesText ??
    draftMinutes(meeting, records, context.venueName ? { venueName: context.venueName } : {});
  const [title = '', heading = '', ...body] = text.split('\n');
  return (
    <>
      <h1>
        <Title text={title} />
      </h1>
      <div className="subtitle">{heading}</div>
      {body.map((line, i) => (
        <div
          key={i}
          className="pre"
          style={{
            minHeight: '1.9em',
            fontWeight: /^（[一二三四五六七八九十]+）/.test(line) || line === '议程及议定事项' ? 700 : 400,
          }}
        >
          {line}
        </div>
      ))}
      {approvalLine(meeting) && (
        <div
          className="pre"
          style={{ marginTop: '1.5em', textAlign: 'right' }}
          data-testid="minutes-approval"
        >
          {approvalLine(meeting)}
        </div>
      )}
    </>
  );
}
