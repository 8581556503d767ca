// 微实事: small funded improvements — proposed, assessed, approved by a vote in the community hall,
// carried out with milestones and spending, accepted and published.
import type { DemandCategory, FundSource, ProjectState } from '#shared/domain/vocab';
import type { FollowUpDoc, MeetingDoc, MeetingRecordDoc, ProjectDoc, TopicDoc } from '#shared/schema/index';
import { base, beijingAt, DAY, iso, notAfter, type DemoContext } from './context';
import { chairFor, entitledFor } from './deliberation';
import { holdMeeting, type AgendaSpec } from './meetings';
import type { OrganizationIndex } from './organizations';
import type { PeopleIndex } from './people';
import type { StreetLayout } from './places';
import { followUp } from './tasks';

const IDEAS: [string, DemandCategory][] = [
  ['楼道扶手加装', 'elderlyDisabledCare'],
  ['休闲座椅更新', 'publicFacilities'],
  ['共享花园建设', 'greening'],
  ['电动自行车充电棚建设', 'evCharging'],
  ['垃圾分类驿站改造', 'wasteSorting'],
  ['单元门无障碍坡道', 'elderlyDisabledCare'],
  ['老年餐桌', 'elderlyDisabledCare'],
  ['宣传栏更新', 'publicFacilities'],
  ['健身器材更新', 'publicFacilities'],
  ['院内照明增设', 'safetyFire'],
  ['非机动车停放区施划', 'parking'],
  ['楼道微改造与文明公约', 'sanitation'],
  ['社区记忆墙', 'other'],
];

const FUNDS: [FundSource, number][] = [
  ['communityWelfareFund', 45],
  ['partyServiceFund', 30],
  ['socialOrgPurchase', 20],
  ['districtFund', 5],
];

const DONE_MILESTONES: Partial<Record<ProjectState, number>> = {
  approved: 1,
  inProgress: 1,
  completed: 2,
  accepted: 3,
  published: 3,
};

function statusForAge(ctx: DemoContext, ageDays: number): ProjectState {
  const { rng } = ctx;
  if (ageDays < 20) return rng.pick(['proposed', 'assessed'] as const);
  if (ageDays < 60) return rng.pick(['approved', 'inProgress'] as const);
  if (ageDays < 150) return rng.pick(['inProgress', 'completed', 'accepted'] as const);
  return rng.weighted([
    ['accepted', 30],
    ['published', 62],
    ['rejected', 8],
  ]);
}

export function generateProjects(
  ctx: DemoContext,
  layout: StreetLayout,
  people: PeopleIndex,
  orgs: OrganizationIndex,
  topics: TopicDoc[],
  meetings: MeetingDoc[],
): { projects: ProjectDoc[]; meetings: MeetingDoc[]; records: MeetingRecordDoc[]; followUps: FollowUpDoc[] } {
  const { rng, now } = ctx;
  const out = {
    projects: [] as ProjectDoc[],
    meetings: [] as MeetingDoc[],
    records: [] as MeetingRecordDoc[],
    followUps: [] as FollowUpDoc[],
  };

  for (const community of layout.communities) {
    const short = community.place.name.replace('社区', '');
    for (const [idea, category] of rng.sample(IDEAS, 5)) {
      const courtyard = rng.chance(0.5) ? rng.pick(community.courtyards).place : undefined;
      const scope = courtyard?.scope ?? community.place.scope;
      const created = now - rng.int(5, 400) * DAY;
      const status = statusForAge(ctx, (now - created) / DAY);
      const id = ctx.nextId('project');
      const budgetFen = rng.int(10, 200) * 1000 * 100;
      const by = chairFor(ctx, people, scope);
      const project: ProjectDoc = {
        ...base(id, scope, created),
        kind: 'micro',
        title: `${courtyard?.name ?? short}${idea}`,
        description: `根据居民议事协商意见，在${courtyard?.name ?? community.place.name}实施${idea}微实事项目，改善居民生活环境。`,
        topicIds: topics
          .filter(
            (t) =>
              t.category === category && t.scope.startsWith(community.place.scope) && t.status !== 'dropped',
          )
          .slice(0, 1)
          .map((t) => t.id),
        fundSource: rng.weighted(FUNDS),
        year: Number(iso(created).slice(0, 4)),
        budgetFen,
        status,
        milestones: [],
        spending: [],
        consultations: [],
      };
      let last = created;
      if (status !== 'proposed')
        project.feasibility =
          status === 'rejected'
            ? '经评估，选址涉及消防通道，不具备实施条件。'
            : '经现场踏勘和居民意见征集，项目可行，预算经第三方测算。';
      const approved = !['proposed', 'assessed', 'rejected'].includes(status);
      if (approved) {
        const item: AgendaSpec = {
          title: `审议${project.title}项目`,
          minutes: 30,
          decision: { text: `同意实施“${project.title}”微实事项目，预算${budgetFen / 100}元。`, parties: [] },
        };
        const held = holdMeeting(ctx, {
          kind: 'communityHall',
          title: `${community.place.name}微实事项目议事会`,
          scope: community.place.scope,
          venueId: community.hall.id,
          startsAt: beijingAt(Math.min(created + rng.int(8, 15) * DAY, now - 3 * DAY), 14, 30),
          agenda: [item],
          entitled: entitledFor(ctx, people, community.place.scope),
          chair: by,
        });
        out.meetings.push(held.meeting);
        out.records.push(...held.records);
        project.approvalMeetingId = held.meeting.id;
        const decided = held.decisions.get(item);
        if (decided) project.approvalRecordId = decided.result.id;
        project.consultations.push({ phase: 'before', meetingId: held.meeting.id });
        last = Date.parse(held.meeting.startsAt);
      }
      const stages = ['方案公示', '组织实施', '验收公示'];
      const doneCount = DONE_MILESTONES[status] ?? 0;
      stages.forEach((title, i) => {
        const dueAt = created + (20 + i * 40) * DAY;
        const milestone: ProjectDoc['milestones'][number] = {
          id: `${id}-m${i + 1}`,
          title,
          dueAt: iso(dueAt),
        };
        if (i < doneCount) {
          last = notAfter(Math.max(last, dueAt - rng.int(0, 10) * DAY), now);
          milestone.doneAt = iso(last);
        }
        project.milestones.push(milestone);
      });
      if (['inProgress', 'completed', 'accepted', 'published'].includes(status)) {
        let spent = 0;
        for (let s = 1; s <= rng.int(1, 3); s += 1) {
          const amountFen = Math.floor((budgetFen * rng.int(15, 30)) / 100);
          spent += amountFen;
          if (spent > budgetFen) break;
          project.spending.push({
            id: `${id}-s${s}`,
            at: iso(notAfter(created + (20 + s * 10) * DAY, now)),
            amountFen,
            note: `${idea}材料及施工费用`,
            receiptCount: rng.int(1, 5),
          });
        }
        out.followUps.push(
          followUp(
            ctx,
            {
              kind: 'progress',
              subjectCollection: 'projects',
              subjectId: id,
              at: iso(notAfter(created + 35 * DAY, now)),
              by: by.id,
              note: '项目按计划推进，居民代表参与现场监督。',
              photoCount: rng.int(1, 5),
            },
            scope,
          ),
        );
      }
      if (status === 'accepted' || status === 'published') {
        project.acceptedAt = project.milestones[2]?.doneAt ?? iso(last);
        out.followUps.push(
          followUp(
            ctx,
            {
              kind: 'acceptance',
              subjectCollection: 'projects',
              subjectId: id,
              at: project.acceptedAt,
              by: by.id,
              note: '居民代表参与验收，项目通过。',
              outcome: 'passed',
            },
            scope,
          ),
        );
        const after = meetings.find(
          (m) =>
            m.seriesId &&
            m.scope === community.place.scope &&
            m.startsAt > (project.acceptedAt as string) &&
            m.startsAt < iso(now),
        );
        if (after) project.consultations.push({ phase: 'after', meetingId: after.id });
      }
      if (status === 'published')
        project.publishedAt = iso(notAfter(Date.parse(project.acceptedAt as string) + 3 * DAY, now));
      project.updatedAt = iso(
        Math.max(
          last,
          ...[project.acceptedAt, project.publishedAt].filter((t): t is string => !!t).map(Date.parse),
        ),
      );
      out.projects.push(project);
    }
  }
  return out;
}
