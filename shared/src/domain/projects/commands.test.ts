import { describe, expect, it } from 'vitest';
import { docsOf, type CommandContext } from '#shared/domain/commands/index';
import type { ActorRole } from '#shared/domain/vocab';
import type { ProjectDoc } from '#shared/schema/index';
import {
  addMilestone,
  addSpending,
  createProject,
  finishMilestone,
  linkConsultation,
  stepProject,
  unlinkConsultation,
} from './commands';

const NOW = '2026-11-20T02:00:00.000Z';
let n = 0;
const ctx = (role: ActorRole = 'community-worker', scope = 'xg.hxy'): CommandContext => ({
  actor: { id: 'device-1', role, scope },
  deviceId: 'device-1',
  now: NOW,
  newId: (prefix) => `${prefix}-${(n += 1)}`,
});
const draft = {
  kind: 'micro',
  title: ' 6号院路灯 ',
  description: '更换路灯',
  scope: 'xg.hxy.hxy6',
  topicIds: ['topic-1'],
  fundSource: 'communityWelfareFund',
  year: 2026,
  budgetFen: 500_000,
} as const;

function created(): ProjectDoc {
  const result = createProject(draft, ctx());
  if (!result.ok) throw new Error(result.message);
  return result.project;
}

describe('createProject', () => {
  it('proposes the project and audits it', () => {
    const result = createProject(draft, ctx());
    if (!result.ok) throw new Error(result.message);
    expect(result.project).toMatchObject({
      title: '6号院路灯',
      status: 'proposed',
      spending: [],
      milestones: [],
    });
    expect(docsOf(result.change, 'insert', 'projects')).toEqual([result.project]);
    expect(result.change.audit[0]).toMatchObject({ action: 'project.propose', detail: '6号院路灯' });
  });

  it('lists every problem of the draft, and refuses outside the device’s place', () => {
    expect(createProject({ ...draft, title: '', budgetFen: 0 }, ctx())).toEqual({
      ok: false,
      message: '请填写项目名称；请填写预算金额',
    });
    expect(createProject(draft, ctx('community-worker', 'xg.other'))).toEqual({
      ok: false,
      message: '本设备无权管理该地点的项目',
    });
  });
});

describe('stepProject', () => {
  it('moves through the machine with its stamps, follow-up and audit', () => {
    const project = created();
    const result = stepProject(
      project,
      { event: 'assess', artefacts: { feasibility: '可行' }, fields: { feasibility: '可行' } },
      ctx(),
    );
    if (!result.ok) throw new Error(result.message);
    expect(docsOf(result.change, 'update', 'projects')[0]).toMatchObject({
      status: 'assessed',
      feasibility: '可行',
    });
    expect(result.change.audit[0]?.action).toBe('project.assess');
  });

  it('refuses a step the machine refuses, and approval without 议事会 rights', () => {
    const project = created();
    expect(stepProject(project, { event: 'start', artefacts: {} }, ctx()).ok).toBe(false);
    expect(stepProject(project, { event: 'approve', artefacts: {} }, ctx('leader'))).toEqual({
      ok: false,
      message: '本设备无权登记表决结果',
    });
  });

  it('writes a follow-up and links the approving meeting once', () => {
    const project: ProjectDoc = {
      ...created(),
      status: 'assessed',
      consultations: [{ phase: 'before', meetingId: 'm-1' }],
    };
    const result = stepProject(
      project,
      {
        event: 'approve',
        artefacts: { passedVote: { passed: true } },
        consultation: { phase: 'before', meetingId: 'm-1' },
        followUp: { kind: 'progress', note: '表决通过' },
      },
      ctx(),
    );
    if (!result.ok) throw new Error(result.message);
    expect(docsOf(result.change, 'update', 'projects')[0]?.consultations).toHaveLength(1);
    expect(docsOf(result.change, 'insert', 'followUps')[0]).toMatchObject({
      subjectCollection: 'projects',
      subjectId: project.id,
      note: '表决通过',
    });
  });
});

describe('milestones, spending and consultations', () => {
  it('adds and finishes a milestone', () => {
    const project = created();
    const added = addMilestone(project, ' 进场 ', '2026-12-01T15:59:59.000Z', ctx());
    if (!added.ok) throw new Error(added.message);
    const [withOne] = docsOf(added.change, 'update', 'projects');
    expect(withOne?.milestones).toEqual([expect.objectContaining({ title: '进场' })]);
    const done = finishMilestone(withOne!, withOne!.milestones[0]!.id, ctx());
    expect(done.ok && docsOf(done.change, 'update', 'projects')[0]?.milestones[0]?.doneAt).toBe(NOW);
    expect(addMilestone(project, '', '', ctx()).ok).toBe(false);
  });

  it('records spending within the budget only, and needs its purpose', () => {
    const project: ProjectDoc = { ...created(), status: 'inProgress' };
    const spent = addSpending(project, { amountFen: 100_000, note: ' 灯具 ', receiptCount: 2 }, ctx());
    if (!spent.ok) throw new Error(spent.message);
    expect(docsOf(spent.change, 'update', 'projects')[0]?.spending).toEqual([
      { id: spent.spendingId, at: NOW, amountFen: 100_000, note: '灯具', receiptCount: 2 },
    ]);
    expect(spent.change.audit[0]?.detail).toBe('100000 分');
    expect(addSpending(project, { amountFen: 100, note: ' ', receiptCount: 0 }, ctx())).toEqual({
      ok: false,
      message: '请填写支出用途',
    });
    expect(addSpending(project, { amountFen: 600_000, note: '超支', receiptCount: 0 }, ctx()).ok).toBe(false);
  });

  it('links a meeting to a phase once and unlinks it', () => {
    const project = created();
    const linked = linkConsultation(project, 'during', 'm-2', ctx());
    if (!linked.ok) throw new Error(linked.message);
    const [withLink] = docsOf(linked.change, 'update', 'projects');
    expect(linkConsultation(withLink!, 'during', 'm-2', ctx())).toEqual({
      ok: false,
      message: '这次会议已登记在该阶段',
    });
    const unlinked = unlinkConsultation(withLink!, 'during', 'm-2', ctx());
    expect(unlinked.ok && docsOf(unlinked.change, 'update', 'projects')[0]?.consultations).toEqual([]);
  });
});

describe('accepting a project without its consultations during and after the works', () => {
  const completed = (consultations: ProjectDoc['consultations']): ProjectDoc => ({
    ...created(),
    status: 'completed',
    consultations,
  });
  const accept = { event: 'passAcceptance', artefacts: { acceptanceRecord: { outcome: 'passed' } } } as const;

  it('asks for the reason, names the missing phases and records the reason', () => {
    const project = completed([{ phase: 'before', meetingId: 'm-1' }]);
    expect(stepProject(project, accept, ctx())).toEqual({
      ok: false,
      message: '本项目没有登记项目中协商、项目后协商，验收前请说明原因',
    });
    const result = stepProject(
      project,
      { ...accept, missingConsultationReason: ' 工期仅三天，完工后集中征求意见 ' },
      ctx(),
    );
    if (!result.ok) throw new Error(result.message);
    expect(docsOf(result.change, 'update', 'projects')[0]).toMatchObject({
      status: 'accepted',
      missingConsultationReason: '工期仅三天，完工后集中征求意见',
    });
  });

  it('needs no reason when both were held', () => {
    const project = completed([
      { phase: 'during', meetingId: 'm-2' },
      { phase: 'after', meetingId: 'm-3' },
    ]);
    const result = stepProject(project, accept, ctx());
    if (!result.ok) throw new Error(result.message);
    expect(docsOf(result.change, 'update', 'projects')[0]).not.toHaveProperty('missingConsultationReason');
  });
});
