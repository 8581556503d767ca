import type {
  ConsultationPhase,
  DemandCategory,
  DemandType,
  ProjectState,
  Urgency,
} from '#shared/domain/vocab';
import { CATEGORY_LABELS } from '#shared/domain/aggregations/index';
import { liesUnder } from '#shared/domain/places/index';
import { CONSULTATION_PHASE_LABELS, MAJOR_PROGRAMMES, type MajorProgramme } from './labels';

// 项目前、中、后协商: residents are consulted before, during and after the works. The works run
// from the first progress report on the project (the app writes one when the works start) until
// its acceptance; while they run, demands from the project's places and categories are the early
// sign that the works trouble the residents, so they are shown before they turn into 12345 orders.

export interface WorksWindow {
  readonly startedAt?: string;
  readonly acceptedAt?: string;
}

export interface ProjectFollowUpFacts {
  readonly kind: string;
  readonly subjectCollection: string;
  readonly subjectId: string;
  readonly at: string;
}

const STARTED_STATES: readonly ProjectState[] = ['inProgress', 'completed', 'accepted', 'published'];

export function worksWindow(
  project: { readonly id: string; readonly status: ProjectState; readonly acceptedAt?: string },
  followUps: readonly ProjectFollowUpFacts[],
): WorksWindow {
  if (!STARTED_STATES.includes(project.status)) return {};
  const progress = followUps
    .filter((f) => f.subjectCollection === 'projects' && f.subjectId === project.id && f.kind === 'progress')
    .map((f) => f.at)
    .sort();
  const startedAt = progress[0];
  return {
    ...(startedAt !== undefined ? { startedAt } : {}),
    ...(project.acceptedAt !== undefined ? { acceptedAt: project.acceptedAt } : {}),
  };
}

/** The phase a consultation held at `at` belongs to, by the works window. */
export function phaseAt(at: string, window: WorksWindow): ConsultationPhase {
  if (window.startedAt === undefined || at < window.startedAt) return 'before';
  if (window.acceptedAt !== undefined && at >= window.acceptedAt) return 'after';
  return 'during';
}

export interface ConsultationMeetingFacts {
  readonly id: string;
  readonly title: string;
  readonly startsAt: string;
}

export interface PhaseEntry {
  readonly meetingId: string;
  readonly title: string;
  readonly startsAt?: string;
  /** Chinese note when the meeting's date does not fit the phase it is linked to. */
  readonly mismatch?: string;
}

export interface PhasePlan {
  readonly phase: ConsultationPhase;
  readonly label: string;
  readonly entries: readonly PhaseEntry[];
  /** Chinese reminder when the phase has begun (or passed) without any consultation. */
  readonly missing?: string;
}

/** The linked consultations grouped by phase, with date mismatches and missing phases named. */
export function phasePlan(
  consultations: readonly { readonly phase: ConsultationPhase; readonly meetingId: string }[],
  meetings: readonly ConsultationMeetingFacts[],
  window: WorksWindow,
): PhasePlan[] {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const reached: Record<ConsultationPhase, boolean> = {
    before: true,
    during: window.startedAt !== undefined,
    after: window.acceptedAt !== undefined,
  };
  return (['before', 'during', 'after'] as const).map((phase) => {
    const entries = consultations
      .filter((c) => c.phase === phase)
      .map((c): PhaseEntry => {
        const meeting = byId.get(c.meetingId);
        if (!meeting) return { meetingId: c.meetingId, title: '（本机没有这次会议的记录）' };
        const actual = phaseAt(meeting.startsAt, window);
        return {
          meetingId: meeting.id,
          title: meeting.title,
          startsAt: meeting.startsAt,
          ...(actual !== phase
            ? {
                mismatch: `会议日期属于${CONSULTATION_PHASE_LABELS[actual]}阶段，登记为${CONSULTATION_PHASE_LABELS[phase]}`,
              }
            : {}),
        };
      })
      .sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? ''));
    const missing =
      entries.length === 0 && reached[phase] ? `尚未登记${CONSULTATION_PHASE_LABELS[phase]}` : undefined;
    return { phase, label: CONSULTATION_PHASE_LABELS[phase], entries, ...(missing ? { missing } : {}) };
  });
}

const PROGRAMME_CATEGORIES: Readonly<Record<MajorProgramme, readonly DemandCategory[]>> = {
  老旧小区改造: [
    'oldEstateRenovation',
    'housingRepair',
    'publicFacilities',
    'parking',
    'sanitation',
    'greening',
  ],
  党政群共商共治工程: ['publicFacilities', 'sanitation', 'greening'],
  电气改造: ['electricHeating', 'safetyFire', 'evCharging'],
};

/** What complaints about the project look like: its topics' categories and its programme's. */
export function projectCategories(
  title: string,
  topicCategories: readonly DemandCategory[],
): DemandCategory[] {
  const fromProgramme = MAJOR_PROGRAMMES.filter((p) => title.includes(p)).flatMap(
    (p) => PROGRAMME_CATEGORIES[p],
  );
  return [...new Set([...topicCategories, ...fromProgramme])];
}

export interface WarningDemandFacts {
  readonly id: string;
  readonly scope: string;
  readonly title: string;
  readonly type: DemandType;
  readonly category: DemandCategory;
  readonly urgency: Urgency;
  readonly receivedAt: string;
}

export type WarningLevel = 'none' | 'watch' | 'alert';

export interface EarlyWarning<D extends WarningDemandFacts = WarningDemandFacts> {
  readonly level: WarningLevel;
  /** Demands received during the works from the project's places and categories, newest first. */
  readonly demands: readonly D[];
  readonly complaints: number;
  readonly recent: number;
  readonly message: string;
}

const RECENT_DAYS = 14;
const ALERT_RECENT = 3;

export function earlyWarning<D extends WarningDemandFacts>(
  project: { readonly scope: string },
  categories: readonly DemandCategory[],
  demands: readonly D[],
  window: WorksWindow,
  now: string,
  lastDuringConsultationAt?: string,
): EarlyWarning<D> {
  const { startedAt } = window;
  if (startedAt === undefined) {
    return { level: 'none', demands: [], complaints: 0, recent: 0, message: '工程尚未开工' };
  }
  const end = window.acceptedAt ?? now;
  const found = demands
    .filter(
      (d) =>
        liesUnder(d.scope, project.scope) &&
        categories.includes(d.category) &&
        d.receivedAt >= startedAt &&
        d.receivedAt <= end,
    )
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || a.id.localeCompare(b.id));
  const since = new Date(Date.parse(now) - RECENT_DAYS * 24 * 60 * 60 * 1000).toISOString();
  const recent = found.filter((d) => d.receivedAt >= since).length;
  const complaints = found.filter((d) => d.type === 'complaint' || d.type === 'report').length;
  const pressing = found.some((d) => d.urgency !== 'normal');
  const level: WarningLevel =
    found.length === 0 ? 'none' : recent >= ALERT_RECENT || pressing ? 'alert' : 'watch';
  if (level === 'none') {
    return { level, demands: found, complaints, recent, message: '施工期间暂未收到相关诉求' };
  }
  const kinds = [...new Set(found.map((d) => CATEGORY_LABELS[d.category]))].join('、');
  const newest = found[0]?.receivedAt ?? startedAt;
  const consulted = lastDuringConsultationAt !== undefined && lastDuringConsultationAt >= newest;
  const advice = consulted
    ? '已在最新诉求之后召开项目中协商会'
    : '建议尽快召开项目中协商会，当面听取居民意见';
  return {
    level,
    demands: found,
    complaints,
    recent,
    message: `施工期间已收到相关诉求 ${found.length} 件（其中投诉举报 ${complaints} 件，近 ${RECENT_DAYS} 天 ${recent} 件），涉及${kinds}。${advice}`,
  };
}
