import {
  invitationText,
  noticeText,
  publicNoticeText,
  type Invitee,
  type PaperText,
} from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { nowIso } from '../../../db/ids';
import { Title } from './Title';

export interface PaperContext {
  venueName?: string;
  issuer: string;
}

function PaperBody({ paper }: { paper: PaperText }) {
  const [issuer, date, ...rest] = paper.closing.slice(1);
  return (
    <>
      <h1>
        <Title text={paper.title} />
      </h1>
      {paper.paragraphs.map((p, i) => (
        <p key={i} className={i === 0 && p.endsWith('：') ? 'flush' : undefined}>
          {p}
        </p>
      ))}
      {paper.items.map((item, i) => (
        <div key={i} className="item">
          {item}
        </div>
      ))}
      <p>{paper.closing[0]}</p>
      <div className="closing">
        <div>{issuer}</div>
        <div>{date}</div>
        {rest.map((r, i) => (
          <div key={i}>{r}</div>
        ))}
      </div>
    </>
  );
}

/** 会议通知 */
export function NoticePaper({ meeting, context }: { meeting: MeetingDoc; context: PaperContext }) {
  return (
    <PaperBody paper={noticeText(meeting, { ...context, issuedAt: meeting.noticePrintedAt ?? nowIso() })} />
  );
}

/** 议事结果公示 */
export function PublicNoticePaper({
  meeting,
  records,
  context,
}: {
  meeting: MeetingDoc;
  records: MeetingRecordDoc[];
  context: PaperContext;
}) {
  return (
    <PaperBody
      paper={publicNoticeText(meeting, records, { ...context, issuedAt: meeting.publishedAt ?? nowIso() })}
    />
  );
}

/** 参会通知 to one invited party or person: what they come for, and for members whether they vote. */
export function InvitationPaper({
  meeting,
  invitee,
  context,
}: {
  meeting: MeetingDoc;
  invitee: Invitee;
  context: PaperContext;
}) {
  return (
    <PaperBody
      paper={invitationText(meeting, invitee, { ...context, issuedAt: meeting.noticePrintedAt ?? nowIso() })}
    />
  );
}
