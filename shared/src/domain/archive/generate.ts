import { CATEGORY_LABELS } from '#shared/domain/aggregations/index';
import type { CaseKind } from '#shared/domain/vocab';
import { TITLE_MAX } from '#shared/schema/base';
import { historyFacts, type HistoryFacts, type MeetingFact } from './facts';
import type { TopicHistory } from './history';
import {
  CALLBACK_WORDS,
  CLASSIFICATION_WORDS,
  LEVEL_WORDS,
  PARTY_STATE_WORDS,
  SOURCE_WORDS,
  TYPE_WORDS,
  countWords,
  dateWords,
  monthWords,
  percent,
} from './labels';
import { joinSections, type CaseSection } from './body';

// 成果: a first draft of a write-up composed from the record. The same history gives the same
// text; people then edit it freely (the draft is only a starting point, never regenerated over
// their edits without asking).

export interface CaseDraft {
  readonly kind: CaseKind;
  readonly title: string;
  readonly sections: readonly CaseSection[];
  readonly body: string;
  readonly topicId: string;
  readonly scope: string;
  readonly generatedAt: string;
}

function demandsText(h: TopicHistory, f: HistoryFacts): string {
  if (f.demandCount === 0 || f.firstAt === undefined || f.lastAt === undefined) {
    return `${h.placeName}的“${h.topic.title}”议题源于日常走访中发现的问题。${h.topic.description}`;
  }
  const demands = h.demands
    .filter((d) => d.status !== 'duplicate' && d.duplicateOf === undefined)
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
  const span =
    monthWords(f.firstAt) === monthWords(f.lastAt)
      ? monthWords(f.firstAt)
      : `${monthWords(f.firstAt)}至${monthWords(f.lastAt)}`;
  const sources = countWords(
    demands.map((d) => d.source),
    SOURCE_WORDS,
    '件',
  );
  const types = countWords(
    demands.map((d) => d.type),
    TYPE_WORDS,
    '件',
  );
  const parts = [
    `${span}，${h.placeName}${f.placeCount > 1 ? `${f.placeCount}处楼院` : ''}居民陆续反映${CATEGORY_LABELS[h.topic.category]}方面的诉求 ${f.demandCount} 件，来自${sources}，其中${types}。`,
    f.vulnerable > 0 ? `涉及老人、残障等困难群体的有 ${f.vulnerable} 件。` : '',
    h.topic.description,
  ];
  return parts.filter(Boolean).join('');
}

function escalationText(h: TopicHistory): string {
  return h.topic.escalations
    .map(
      (e) =>
        `${dateWords(e.at)}，因${e.reason.replace(/[。.，,；;]+$/, '')}，议题由${LEVEL_WORDS[e.fromLevel]}提级至${LEVEL_WORDS[e.toLevel]}协商。`,
    )
    .join('');
}

function meetingText(m: MeetingFact): string {
  const head = `${dateWords(m.meeting.startsAt)}召开${m.meeting.title}`;
  const attendance =
    m.entitled > 0
      ? `，应到 ${m.entitled} 人，实到 ${m.present} 人${m.proxies > 0 ? `（含委托 ${m.proxies} 人）` : ''}`
      : '';
  const speakers = m.speakers > 0 ? `，${m.speakers} 人次发言` : '';
  const votes = m.votes
    .map(
      (v) =>
        `就“${v.motion}”表决，赞成 ${v.yes} 票、反对 ${v.no} 票、弃权 ${v.abstain} 票，${v.passed ? '获得通过' : '未获通过'}`,
    )
    .join('；');
  const decisions = m.decisions.map((d) => `议定：${d}`).join('');
  return `${head}${attendance}${speakers}。${votes ? `${votes}。` : ''}${decisions}`;
}

function deliberationText(h: TopicHistory, f: HistoryFacts): string {
  const stakeholders = h.topic.stakeholders.map((s) => s.name);
  const parts = [
    escalationText(h),
    stakeholders.length > 0 ? `参与协商的有${[...new Set(stakeholders)].join('、')}。` : '',
    ...f.meetings.map(meetingText),
    h.topic.track === 'quick' && h.topic.quickAnswer
      ? `该议题按即时议办理${h.topic.answeredAt ? `，于${dateWords(h.topic.answeredAt)}答复` : ''}：${h.topic.quickAnswer}`
      : '',
    f.meetings.every((m) => m.decisions.length === 0) && h.topic.decision ? `议定：${h.topic.decision}` : '',
  ];
  const text = parts.filter(Boolean).join('');
  return text === '' ? '该议题尚未召开议事会。' : text;
}

function handlingText(f: HistoryFacts): string {
  if (f.tasks.length === 0) return '尚未形成办理任务。';
  const lines = f.tasks.map((t) => {
    const parties = t.parties
      .map(
        (p) =>
          `${p.name}（${PARTY_STATE_WORDS[p.state]}${p.reason ? `：${p.reason}` : ''}${p.redirectedTo ? `，转交${p.redirectedTo}` : ''}）`,
      )
      .join('、');
    const done = t.finishedAt ? `，${dateWords(t.finishedAt)}完成` : '，尚在办理';
    return `“${t.title}”按${CLASSIFICATION_WORDS[t.classification]}事项由${LEVEL_WORDS[t.level]}层面办理，责任方为${parties || '待定'}，限${dateWords(t.dueAt)}前完成${done}`;
  });
  return `议定事项分解为办理任务 ${f.tasks.length} 项：${lines.join('；')}。`;
}

function supervisionText(f: HistoryFacts): string {
  if (
    f.tasks.length === 0 &&
    f.progress + f.escalations.length + f.acceptances.passed + f.acceptances.failed === 0
  ) {
    return '未形成办理任务，无需督办。';
  }
  const parts = [
    f.progress > 0
      ? `办理过程中报告进展 ${f.progress} 次${f.photos > 0 ? `，留存照片 ${f.photos} 张` : ''}。`
      : '',
    f.returnedTasks > 0 ? `${f.returnedTasks} 项任务被责任方退回，待重新交办。` : '',
    f.redirectedTasks > 0 ? `${f.redirectedTasks} 项任务由责任方转交其他单位办理。` : '',
    f.withdrawnTasks > 0 ? `${f.withdrawnTasks} 项议定事项已撤回。` : '',
    f.overdueTasks > 0
      ? `${f.overdueTasks} 项任务出现逾期。`
      : f.returnedTasks + f.redirectedTasks + f.withdrawnTasks === 0
        ? '各项任务均按期推进。'
        : '',
    ...f.escalations.map(
      (e) =>
        `${dateWords(e.at)}督办${e.toLevel ? `至${LEVEL_WORDS[e.toLevel as keyof typeof LEVEL_WORDS] ?? e.toLevel}` : ''}：${e.note}。`,
    ),
    f.acceptances.passed + f.acceptances.failed > 0
      ? `组织检查验收 ${f.acceptances.passed + f.acceptances.failed} 次，合格 ${f.acceptances.passed} 次${f.acceptances.failed > 0 ? `，不合格返工 ${f.acceptances.failed} 次` : ''}。`
      : '',
  ];
  return parts.filter(Boolean).join('').replace(/。。/g, '。');
}

function outcomeText(f: HistoryFacts): string {
  const total = f.callbacks.satisfied + f.callbacks.basicallySatisfied + f.callbacks.unsatisfied;
  const callbacks =
    total > 0
      ? `回访居民 ${total} 人：${(['satisfied', 'basicallySatisfied', 'unsatisfied'] as const).map((o) => `${CALLBACK_WORDS[o]} ${f.callbacks[o]} 人`).join('、')}。`
      : '尚未回访。';
  const reopened = f.reopened > 0 ? `${f.reopened} 件诉求因居民不满意重新办理。` : '';
  const rates = f.rates
    ? `相关诉求响应率 ${percent(f.rates.responseRate)}、解决率 ${percent(f.rates.resolutionRate)}、满意率 ${percent(f.rates.satisfactionRate)}。`
    : '';
  const unreasonable =
    f.unreasonable > 0 ? `另有 ${f.unreasonable} 件经认定为不合理诉求，已留存依据并单独说明。` : '';
  return `${callbacks}${reopened}${rates}${unreasonable}`;
}

function lessonsText(h: TopicHistory, f: HistoryFacts): string {
  const lessons = [
    f.demandCount > 1 ? '把同类诉求归并为一个议题，从解决一个问题到解决一类问题。' : '',
    h.topic.escalations.length > 0
      ? '院落议不了的提级协商，保留议题来源，做到小事不出院、大事不出社区。'
      : '',
    f.meetings.length > 0 ? '议事会按法定人数和表决规则议定，程序公开，结果公示。' : '',
    new Set(f.tasks.flatMap((t) => t.parties.map((p) => p.kind))).size > 1
      ? '物业、产权单位等多方主体分工负责，任务到人、限期办结。'
      : '',
    f.escalations.length > 0 ? '逾期即督办、逐级提级，防止问题久拖不决。' : '',
    '办结后逐一回访，以居民满意作为评价标准。',
  ];
  return lessons
    .filter(Boolean)
    .map((text, i) => `${i + 1}. ${text}`)
    .join('\n');
}

const HEADINGS: Readonly<Record<CaseKind, readonly string[]>> = {
  case: ['问题', '协商', '办理', '督办', '成效'],
  experience: ['背景', '做法', '办理与督办', '成效', '启示'],
  story: ['居民的烦心事', '大家坐下来商量', '说到做到', '居民怎么说'],
};

function titleFor(kind: CaseKind, h: TopicHistory): string {
  switch (kind) {
    case 'case':
      return `${h.topic.title}的议事实践`;
    case 'experience':
      return `${h.placeName}以“集议办督评”闭环解决${CATEGORY_LABELS[h.topic.category]}问题的经验`;
    case 'story':
      return `${h.placeName}:${h.topic.title}背后的居民故事`;
  }
}

export function generateCase(history: TopicHistory, kind: CaseKind, generatedAt: string): CaseDraft {
  const f = historyFacts(history);
  const [demands, deliberation, handling, supervision, outcome] = [
    demandsText(history, f),
    deliberationText(history, f),
    handlingText(f),
    supervisionText(f),
    outcomeText(f),
  ];
  const texts: Record<CaseKind, readonly string[]> = {
    case: [demands, deliberation, handling, supervision, outcome],
    experience: [demands, deliberation, `${handling}${supervision}`, outcome, lessonsText(history, f)],
    story: [demands, deliberation, `${handling}${supervision}`, outcome],
  };
  const sections = HEADINGS[kind].map((heading, i) => ({ heading, text: texts[kind][i] ?? '' }));
  return {
    kind,
    title: titleFor(kind, history).slice(0, TITLE_MAX),
    sections,
    body: joinSections(sections),
    topicId: history.topic.id,
    scope: history.topic.scope,
    generatedAt,
  };
}
