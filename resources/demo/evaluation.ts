// 评: satisfaction call-backs (回访) on settled demands — an unsatisfied one reopens the demand —
// progress notes on demands in hand, and the 督办 trail of escalated topics.
import { scopeAtLevel } from '#shared/domain/places/index';
import type { DemandDoc, FollowUpDoc, TopicDoc } from '#shared/schema/index';
import { HOUR, iso, type DemoContext } from './context';
import type { PeopleIndex } from './people';
import { followUp } from './tasks';

export function evaluate(
  ctx: DemoContext,
  people: PeopleIndex,
  demands: DemandDoc[],
  topics: TopicDoc[],
): FollowUpDoc[] {
  const { rng } = ctx;
  const out: FollowUpDoc[] = [];
  const workerFor = (scope: string) =>
    people.workerOfCourtyard.get(scopeAtLevel(scope, 'courtyard') ?? '')?.id ?? 'device-demo';

  for (const demand of demands) {
    const by = workerFor(demand.scope);
    const subject = { subjectCollection: 'demands', subjectId: demand.id, demandId: demand.id, by } as const;
    if (demand.status === 'closed' && demand.closedAt && demand.respondedAt && demand.resolvedAt) {
      if (rng.chance(0.05)) {
        // Unsatisfied the first time: reopened, handled again, then satisfied.
        const first = (Date.parse(demand.respondedAt) + Date.parse(demand.resolvedAt)) / 2;
        demand.reopenedCount = 1;
        out.push(
          followUp(
            ctx,
            {
              ...subject,
              kind: 'callback',
              at: iso(Math.floor(first)),
              note: '居民表示问题仍未解决，诉求重新办理。',
              outcome: 'unsatisfied',
            },
            demand.scope,
          ),
        );
      }
      const outcome = rng.weighted([
        ['satisfied', 70],
        ['basicallySatisfied', 30],
      ] as const);
      const note =
        outcome === 'satisfied'
          ? '电话回访，居民对办理结果表示满意。'
          : '电话回访，居民基本满意，希望后续加强日常管理。';
      out.push(
        followUp(ctx, { ...subject, kind: 'callback', at: demand.closedAt, note, outcome }, demand.scope),
      );
    } else if (demand.status === 'handling' && demand.respondedAt && rng.chance(0.6)) {
      const at = Date.parse(demand.respondedAt) + rng.int(4, 72) * HOUR;
      out.push(
        followUp(
          ctx,
          {
            ...subject,
            kind: 'progress',
            at: iso(Math.min(at, ctx.now)),
            note: '已联系责任单位，正在协调处理。',
          },
          demand.scope,
        ),
      );
    }
  }

  for (const topic of topics) {
    if (topic.status !== 'escalated') continue;
    const next = topics.find(
      (t) =>
        t.escalations.length > topic.escalations.length &&
        t.escalations[topic.escalations.length]?.fromScope === topic.scope &&
        t.demandIds[0] === topic.demandIds[0],
    );
    const step = next?.escalations[topic.escalations.length];
    if (!step) continue;
    out.push(
      followUp(
        ctx,
        {
          kind: 'escalation',
          subjectCollection: 'topics',
          subjectId: topic.id,
          at: step.at,
          by: step.by,
          note: step.reason,
          toLevel: step.toLevel,
        },
        topic.scope,
      ),
    );
  }
  return out;
}
