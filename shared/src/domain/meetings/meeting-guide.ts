import type { MeetingDoc, MeetingRecordDoc, TopicDoc } from '#shared/schema/index';
import { attendanceText, meetingFigures } from './figures';
import { GUIDE_STEP_LABELS, GUIDE_STEP_SCREENS, type GuideStep, type GuideStepKey } from './guide';
import { isChair } from './chair';
import { inviteesOf, notifiedCount } from './invitations';
import { liveState } from './live';
import { preparationProblems } from './prepare';

// 议事指引 for one meeting: the same five steps, read from the meeting and its record.

function step(key: GuideStepKey, done: string[], missing: string[]): GuideStep {
  return {
    key,
    label: GUIDE_STEP_LABELS[key],
    screen: GUIDE_STEP_SCREENS[key],
    status: missing.length === 0 ? 'done' : 'missing',
    done,
    missing,
  };
}

const HELD = ['inProgress', 'adjourned', 'minutesDrafted', 'minutesApproved', 'published'];

export function guideForMeeting(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  topics: readonly TopicDoc[],
): GuideStep[] {
  const live = liveState(meeting, records);
  const topicItems = meeting.agenda.filter((a) => a.topicId !== undefined);
  const collect = step(
    'collect',
    meeting.agenda.length > 0
      ? [`议程 ${meeting.agenda.length} 项，其中来自议题 ${topicItems.length} 项`]
      : [],
    meeting.agenda.length === 0 ? ['议程为空'] : [],
  );

  const entitled = meeting.roster.filter((r) => r.entitled).length;
  const withoutStakeholders = topics.filter((t) => t.track === 'inDepth' && t.stakeholders.length === 0);
  const stakeholders = step(
    'stakeholders',
    [
      ...(entitled > 0 ? [`应到人员 ${entitled} 人`] : []),
      ...(topics.length > 0 && withoutStakeholders.length === 0 ? ['各议题已确定参与主体'] : []),
    ],
    [
      ...(entitled === 0 ? ['应到人员名单为空'] : []),
      ...withoutStakeholders.map((t) => `议题“${t.title}”尚未确定参与主体`),
      ...(meeting.roster.some(isChair) ? [] : ['尚未指定主持人']),
    ],
  );

  const organise: string[] = [];
  const organiseMissing: string[] = [];
  if (meeting.status === 'draft') organiseMissing.push(...preparationProblems(meeting), '会议通知尚未发出');
  (meeting.noticePrintedAt ? organise : organiseMissing).push(
    meeting.noticePrintedAt ? '会议通知已张贴或发送给参会人' : '会议通知还没有张贴或发送给参会人',
  );
  // 已通知 counts the recorded notifications only (who, when, how), never the printed notice.
  const { notified, total } = notifiedCount(meeting, inviteesOf(meeting, topics));
  const told = `已通知 ${notified} / 共 ${total}（按通知记录）`;
  if (!HELD.includes(meeting.status) && notified < total)
    organiseMissing.push(`尚有 ${total - notified} 位参会人或单位没有通知记录，${told}`);
  else if (notified > 0) organise.push(told);
  if (HELD.includes(meeting.status)) {
    const a = meetingFigures(meeting, records).attendance;
    const who = `居民 ${a.attendees.residents} 人、居民代表 ${a.attendees.representatives} 人、门楼院长 ${a.attendees.leaders} 人到会`;
    if (a.quorumReached) organise.push(`${attendanceText(a)}，达到法定人数`, who);
    else organiseMissing.push(`${attendanceText(a)}，未达到法定人数 ${a.quorumRequired} 人`);
  } else organiseMissing.push('会议尚未召开');

  const undecided = meeting.agenda.filter((a) => !live.decisions.some((d) => d.agendaItemId === a.itemId));
  const handled: string[] = [];
  const handleMissing: string[] = [];
  if (live.decisions.length > 0) handled.push(`议定事项 ${live.decisions.length} 项`);
  for (const a of undecided) handleMissing.push(`“${a.title}”尚无议定事项`);
  if (live.decisions.some((d) => d.parties.length === 0)) handleMissing.push('有议定事项没有责任方');
  (meeting.minutesApprovedAt ? handled : handleMissing).push(
    meeting.minutesApprovedAt ? '会议纪要已批准' : '会议纪要尚未批准',
  );

  const supervise = step(
    'supervision',
    meeting.publishedAt ? ['议事结果已公示'] : [],
    meeting.publishedAt ? [] : ['议事结果尚未公示'],
  );
  return [
    collect,
    stakeholders,
    step('meeting', organise, organiseMissing),
    step('handling', handled, handleMissing),
    supervise,
  ];
}
