import { describe, expect, it } from 'vitest';
import {
  earlyWarning,
  phaseAt,
  phasePlan,
  projectCategories,
  worksWindow,
  type WarningDemandFacts,
} from './phases';

const project = { id: 'p1', scope: 'xg.gyj.hx', status: 'inProgress' as const };
const followUps = [
  { kind: 'progress', subjectCollection: 'projects', subjectId: 'p1', at: '2026-05-10T02:00:00.000Z' },
  { kind: 'progress', subjectCollection: 'projects', subjectId: 'p1', at: '2026-05-01T02:00:00.000Z' },
  { kind: 'progress', subjectCollection: 'projects', subjectId: 'p2', at: '2026-04-01T02:00:00.000Z' },
  { kind: 'acceptance', subjectCollection: 'projects', subjectId: 'p1', at: '2026-04-20T02:00:00.000Z' },
];

describe('the works window', () => {
  it('runs from the first progress report to acceptance, and only once started', () => {
    expect(worksWindow(project, followUps)).toEqual({ startedAt: '2026-05-01T02:00:00.000Z' });
    expect(worksWindow({ ...project, status: 'approved' }, followUps)).toEqual({});
    expect(
      worksWindow({ ...project, status: 'accepted', acceptedAt: '2026-07-01T00:00:00.000Z' }, followUps),
    ).toEqual({ startedAt: '2026-05-01T02:00:00.000Z', acceptedAt: '2026-07-01T00:00:00.000Z' });
  });

  it('puts a meeting in the phase of its date', () => {
    const w = { startedAt: '2026-05-01T00:00:00.000Z', acceptedAt: '2026-07-01T00:00:00.000Z' };
    expect(phaseAt('2026-04-30T23:59:59.999Z', w)).toBe('before');
    expect(phaseAt('2026-05-01T00:00:00.000Z', w)).toBe('during');
    expect(phaseAt('2026-07-01T00:00:00.000Z', w)).toBe('after');
    expect(phaseAt('2030-01-01T00:00:00.000Z', {})).toBe('before');
  });
});

describe('consultations by phase', () => {
  const meetings = [
    { id: 'm1', title: '改造方案征求意见会', startsAt: '2026-04-01T06:00:00.000Z' },
    { id: 'm2', title: '施工问题协商会', startsAt: '2026-05-20T06:00:00.000Z' },
  ];
  it('groups, flags a wrong phase and names the phases without consultation', () => {
    const plan = phasePlan(
      [
        { phase: 'before', meetingId: 'm1' },
        { phase: 'after', meetingId: 'm2' },
        { phase: 'before', meetingId: 'gone' },
      ],
      meetings,
      { startedAt: '2026-05-01T00:00:00.000Z' },
    );
    expect(plan.map((p) => [p.phase, p.entries.map((e) => e.meetingId), p.missing])).toEqual([
      ['before', ['gone', 'm1'], undefined],
      ['during', [], '尚未登记项目中协商'],
      ['after', ['m2'], undefined],
    ]);
    expect(plan[2]?.entries[0]?.mismatch).toBe('会议日期属于项目中协商阶段，登记为项目后协商');
    expect(plan[0]?.entries[0]?.title).toBe('（本机没有这次会议的记录）');
  });
});

describe('early warning of complaints during the works', () => {
  const d = (id: string, over: Partial<WarningDemandFacts> = {}): WarningDemandFacts => ({
    id,
    scope: 'xg.gyj.hx.b1',
    title: `诉求${id}`,
    type: 'complaint',
    category: 'oldEstateRenovation',
    urgency: 'normal',
    receivedAt: '2026-05-05T02:00:00.000Z',
    ...over,
  });
  const window = { startedAt: '2026-05-01T00:00:00.000Z' };
  const now = '2026-06-01T00:00:00.000Z';
  const categories = projectCategories('华严北里老旧小区改造', []);

  it('maps programmes to the categories their complaints fall in', () => {
    expect(categories).toContain('oldEstateRenovation');
    expect(projectCategories('楼道扶手', ['elderlyDisabledCare'])).toEqual(['elderlyDisabledCare']);
    expect(projectCategories('电气改造', ['safetyFire'])).toEqual([
      'safetyFire',
      'electricHeating',
      'evCharging',
    ]);
  });

  it('finds demands of the places and categories during the works only', () => {
    const demands = [
      d('in'),
      d('before', { receivedAt: '2026-04-30T00:00:00.000Z' }),
      d('elsewhere', { scope: 'xg.gyj.other' }),
      d('prefix', { scope: 'xg.gyj.hxx' }),
      d('unrelated', { category: 'neighbourDispute' }),
    ];
    const warning = earlyWarning(project, categories, demands, window, now);
    expect(warning.demands.map((x) => x.id)).toEqual(['in']);
    expect(warning.level).toBe('watch');
    expect(warning.message).toContain('施工期间已收到相关诉求 1 件');
    expect(warning.message).toContain('建议尽快召开项目中协商会');
  });

  it('alerts on several recent or urgent complaints and notes a consultation held since', () => {
    const recent = ['a', 'b', 'c'].map((id) => d(id, { receivedAt: '2026-05-25T00:00:00.000Z' }));
    const alert = earlyWarning(project, categories, recent, window, now, '2026-05-26T00:00:00.000Z');
    expect(alert.level).toBe('alert');
    expect(alert.recent).toBe(3);
    expect(alert.message).toContain('已在最新诉求之后召开项目中协商会');
    expect(
      earlyWarning(project, categories, [d('u', { urgency: 'urgent', type: 'help' })], window, now),
    ).toMatchObject({
      level: 'alert',
      complaints: 0,
    });
  });

  it('is quiet before the works start and without demands', () => {
    expect(earlyWarning(project, categories, [d('x')], {}, now)).toMatchObject({
      level: 'none',
      message: '工程尚未开工',
    });
    expect(earlyWarning(project, categories, [], window, now).level).toBe('none');
  });

  it('stops counting at acceptance', () => {
    const w = { ...window, acceptedAt: '2026-05-04T00:00:00.000Z' };
    expect(earlyWarning(project, categories, [d('late')], w, now).level).toBe('none');
  });
});
