// 办 and 督: decisions split into tasks per responsible party, with progress notes, 督办 of overdue
// work, and acceptance (验收) before a task closes.
import { scopeAtLevel } from '#shared/domain/places/index';
import type { Level, TaskClassification, TaskState } from '#shared/domain/vocab';
import type { FollowUpDoc, MeetingRecordDoc, TaskDoc, TaskParty, TopicDoc } from '#shared/schema/index';
import { base, DAY, HOUR, iso, notAfter, type DemoContext } from './context';
import { DECISIONS, PROGRESS_NOTES } from './deliberation-texts';
import type { OrganizationIndex } from './organizations';
import { partiesFor, type Party } from './parties';
import type { PeopleIndex } from './people';

const CLASSIFICATION: Record<Level, TaskClassification> = {
  courtyard: 'individual',
  community: 'common',
  street: 'chronic',
};
const DUE_DAYS: Record<TaskClassification, number> = { individual: 15, common: 30, chronic: 60 };
const NEXT_LEVEL: Record<Level, Level> = { courtyard: 'community', community: 'street', street: 'street' };

export function followUp(
  ctx: DemoContext,
  fields: Omit<FollowUpDoc, keyof ReturnType<typeof base>>,
  scope: string,
): FollowUpDoc {
  const at = Date.parse(fields.at);
  return { ...base(ctx.nextId('followup'), scope, at), ...fields };
}

export function generateTasks(
  ctx: DemoContext,
  people: PeopleIndex,
  orgs: OrganizationIndex,
  topics: TopicDoc[],
  decisionOf: Map<string, MeetingRecordDoc>,
): { tasks: TaskDoc[]; followUps: FollowUpDoc[] } {
  const { rng, now } = ctx;
  const tasks: TaskDoc[] = [];
  const followUps: FollowUpDoc[] = [];

  for (const topic of topics) {
    if (!['deliberated', 'handling', 'closed', 'answered'].includes(topic.status)) continue;
    const decision = decisionOf.get(topic.id);
    if (topic.track === 'inDepth' && !decision) continue;
    if (topic.track === 'quick' && !(topic.answeredAt && rng.chance(0.5))) continue;
    const startedAt = decision ? Date.parse(decision.at) : Date.parse(topic.answeredAt ?? topic.createdAt);
    const parties = partiesFor(topic.category, topic.originScope, orgs);
    const groups: Party[][] =
      parties.length > 1 && rng.chance(0.3) ? [parties.slice(0, 1), parties.slice(1)] : [parties];
    const worker =
      people.workerOfCourtyard.get(scopeAtLevel(topic.originScope, 'courtyard') ?? '')?.id ?? 'device-demo';
    const classification = CLASSIFICATION[topic.level];

    for (const group of groups) {
      const assigned = notAfter(startedAt + rng.int(2, 24) * HOUR, now);
      const due = assigned + DUE_DAYS[classification] * DAY;
      const status: TaskState =
        topic.status === 'closed'
          ? 'closed'
          : topic.status === 'deliberated'
            ? 'assigned'
            : rng.weighted([
                ['inProgress', 55],
                ['finished', 20],
                ['accepted', 8],
                ['redirected', 7],
                ['declined', 4],
                ['reopened', 6],
              ]);
      const times: Partial<Record<'finishedAt' | 'acceptedAt' | 'closedAt', string>> = {};
      let last = assigned;
      const done = ['finished', 'accepted', 'closed'].includes(status);
      if (done) {
        last = notAfter(assigned + rng.int(3, DUE_DAYS[classification] + 5) * DAY, now);
        times.finishedAt = iso(last);
      }
      if (status === 'accepted' || status === 'closed') {
        last = notAfter(last + rng.int(1, 4) * DAY, now);
        times.acceptedAt = iso(last);
      }
      if (status === 'closed') {
        last = notAfter(last + rng.int(1, 3) * DAY, now);
        times.closedAt = iso(last);
      }
      const taskParties: TaskParty[] = group.map((party, i) => {
        const entry: TaskParty = {
          partyId: `${party.organizationId ?? 'self'}-${i + 1}`,
          name: party.name,
          kind: party.kind,
          state: status === 'assigned' ? 'pending' : done ? 'finished' : 'accepted',
          updatedAt: iso(last),
        };
        if (party.organizationId) entry.organizationId = party.organizationId;
        return entry;
      });
      const first = taskParties[0];
      if (first && status === 'redirected') {
        first.state = 'redirected';
        first.reason = '经核实该设施不属于本单位管理范围';
        first.redirectedTo =
          orgs.rightsUnitOf.get(scopeAtLevel(topic.originScope, 'courtyard') ?? '')?.name ?? '产权单位';
      } else if (first && status === 'declined') {
        first.state = 'declined';
        first.reason = '该事项已列入上级部门统一改造计划，本单位无权单独实施';
      }
      const overdue = !done && status !== 'redirected' && status !== 'declined' && due < now;
      const escalationLevel = overdue ? (now - due > 20 * DAY && topic.level !== 'street' ? 2 : 1) : 0;
      const task: TaskDoc = {
        ...base(ctx.nextId('task'), topic.scope, assigned, Math.max(last, assigned)),
        topicId: topic.id,
        demandIds: [...topic.demandIds],
        title: `${topic.title}——${group.map((p) => p.name).join('、')}`.slice(0, 200),
        description: topic.decision ?? topic.quickAnswer ?? DECISIONS[topic.category],
        classification,
        level: topic.level,
        status,
        parties: taskParties,
        assignedAt: iso(assigned),
        dueAt: iso(due),
        escalationLevel,
        ...times,
      };
      if (decision) {
        task.meetingId = decision.meetingId;
        task.decisionRecordId = decision.id;
      }
      tasks.push(task);

      const until = done ? Date.parse(times.finishedAt as string) : now;
      const notes = status === 'assigned' ? 0 : rng.int(1, 3);
      for (let n = 0; n < notes; n += 1) {
        const at = assigned + ((until - assigned) * (n + 1)) / (notes + 1);
        followUps.push(
          followUp(
            ctx,
            {
              kind: 'progress',
              subjectCollection: 'tasks',
              subjectId: task.id,
              at: iso(Math.floor(at)),
              by: worker,
              note: PROGRESS_NOTES[n % PROGRESS_NOTES.length] as string,
              photoCount: rng.int(0, 4),
            },
            task.scope,
          ),
        );
      }
      let level: Level = topic.level;
      for (let e = 1; e <= escalationLevel; e += 1) {
        level = NEXT_LEVEL[level];
        const at = notAfter(due + e * 5 * DAY, now);
        followUps.push(
          followUp(
            ctx,
            {
              kind: 'escalation',
              subjectCollection: 'tasks',
              subjectId: task.id,
              at: iso(at),
              by: worker,
              note: `任务逾期未办结，提级督办（第${e}次）。`,
              toLevel: level,
            },
            task.scope,
          ),
        );
      }
      if (times.acceptedAt) {
        followUps.push(
          followUp(
            ctx,
            {
              kind: 'acceptance',
              subjectCollection: 'tasks',
              subjectId: task.id,
              at: times.acceptedAt,
              by: worker,
              note: '组织居民代表和楼门院长现场验收，整改到位。',
              outcome: 'passed',
              photoCount: rng.int(1, 6),
            },
            task.scope,
          ),
        );
      } else if (status === 'finished' && rng.chance(0.5)) {
        followUps.push(
          followUp(
            ctx,
            {
              kind: 'inspection',
              subjectCollection: 'tasks',
              subjectId: task.id,
              at: times.finishedAt as string,
              by: worker,
              note: '现场检查发现部分点位仍未整改，要求限期完成。',
              outcome: 'failed',
            },
            task.scope,
          ),
        );
      }
    }
  }
  return { tasks, followUps };
}
