// 成果: 案例 and 故事 drafted from settled topics, and an 经验 summary per active community.
import type { CaseDoc, MeetingDoc, TaskDoc, TopicDoc } from '#shared/schema/index';
import { base, DAY, iso, notAfter, type DemoContext } from './context';
import type { StreetLayout } from './places';

export function generateCases(
  ctx: DemoContext,
  layout: StreetLayout,
  topics: TopicDoc[],
  meetings: MeetingDoc[],
  tasks: TaskDoc[],
): CaseDoc[] {
  const { rng, now } = ctx;
  const cases: CaseDoc[] = [];
  const settled = topics.filter((t) => t.status === 'closed' && t.track === 'inDepth');
  for (const topic of rng.sample(settled, 10)) {
    const meeting = meetings.find((m) => m.id === topic.meetingIds[0]);
    const parties = tasks.filter((t) => t.topicId === topic.id).flatMap((t) => t.parties.map((p) => p.name));
    const origin =
      topic.escalations.length > 0 ? `该议题起于楼院，经${topic.escalations.length}次提级协商。` : '';
    const kind = rng.chance(0.7) ? 'case' : 'story';
    const generated = notAfter(Date.parse(topic.updatedAt) + rng.int(3, 20) * DAY, now);
    const body = [
      `【问题】${topic.description}`,
      `【协商】${meeting ? `${meeting.startsAt.slice(0, 10)}召开${meeting.title}，` : ''}${origin}${topic.decision ?? ''}`,
      `【办理】${parties.length > 0 ? `由${[...new Set(parties)].join('、')}负责落实，` : ''}按期完成并经居民验收。`,
      `【成效】涉及的${topic.demandIds.length}件诉求全部办结，回访满意。`,
    ].join('\n');
    cases.push({
      ...base(ctx.nextId('case'), topic.scope, generated),
      kind,
      title: kind === 'case' ? `${topic.title}的议事实践` : `${topic.title}背后的居民故事`,
      body,
      topicId: topic.id,
      status: rng.chance(0.7) ? 'published' : 'draft',
      generatedAt: iso(generated),
    });
  }
  for (const community of rng.sample(layout.communities, 2)) {
    const own = topics.filter((t) => t.scope.startsWith(community.place.scope) && t.status === 'closed');
    const generated = notAfter(now - rng.int(5, 30) * DAY, now);
    cases.push({
      ...base(ctx.nextId('case'), community.place.scope, generated),
      kind: 'experience',
      title: `${community.place.name}“门楼院社”四级议事经验`,
      body: `${community.place.name}依托门长、楼长、院长和社区议事厅，一年来办结议题${own.length}项，形成“集、议、办、督、评”闭环，推动从解决一个问题到解决一类问题。`,
      status: 'published',
      generatedAt: iso(generated),
    });
  }
  return cases;
}
