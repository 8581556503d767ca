import type {
  DemandCategory,
  DemandState,
  FollowUpKind,
  FollowUpSubject,
  HotlineCallbackResult,
  HotlineResponse,
  PlaceKind,
  TaskState,
  Urgency,
} from '#shared/domain/vocab';

// The fields of the stored documents the aggregations read (names as in the data model), so a
// real demand, follow-up, task or place document fits structurally.

export interface DemandFacts {
  readonly id: string;
  readonly scope: string;
  readonly title: string;
  readonly description: string;
  readonly category: DemandCategory;
  readonly status: DemandState;
  readonly receivedAt: string;
  readonly urgency?: Urgency;
  readonly dueAt?: string;
  readonly respondedAt?: string;
  readonly resolvedAt?: string;
  readonly reasonable: boolean;
  readonly reopenedCount: number;
  readonly duplicateOf?: string;
  /** The 12345 system's own facts of an imported work order (absent for the app's own demands). */
  readonly hotlineResponse?: HotlineResponse;
  readonly hotlineResolved?: boolean;
  readonly hotlineCallback?: HotlineCallbackResult;
  readonly hotlineFinishedAt?: string;
}

export interface FollowUpFacts {
  readonly id: string;
  readonly scope: string;
  readonly kind: FollowUpKind;
  readonly subjectCollection: FollowUpSubject;
  readonly subjectId: string;
  readonly at: string;
  readonly outcome?: string;
  readonly demandId?: string;
}

export interface TaskFacts {
  readonly id: string;
  readonly scope: string;
  readonly title: string;
  readonly status: TaskState;
  readonly assignedAt: string;
  readonly dueAt: string;
}

export interface PlaceFacts {
  readonly id: string;
  readonly scope: string;
  readonly kind: PlaceKind;
  readonly name: string;
}

export const CATEGORY_LABELS: Readonly<Record<DemandCategory, string>> = {
  propertyService: '物业服务',
  sanitation: '环境卫生',
  parking: '停车管理',
  evCharging: '电动车充电',
  wasteSorting: '垃圾分类',
  oldEstateRenovation: '老旧小区改造',
  housingRepair: '房屋维修',
  electricHeating: '电气/供暖',
  neighbourDispute: '邻里纠纷',
  elderlyDisabledCare: '养老助残',
  safetyFire: '治安消防',
  greening: '绿化',
  publicFacilities: '公共设施',
  other: '其他',
};

/** The deepest scope both lie under. */
export function commonAncestor(scopes: readonly string[]): string {
  // Many records share a place: each distinct scope is split once.
  const [first, ...rest] = [...new Set(scopes)].map((s) => s.split('.'));
  if (!first) return '';
  let length = first.length;
  for (const segments of rest) {
    let i = 0;
    while (i < length && segments[i] === first[i]) i += 1;
    length = i;
  }
  return first.slice(0, length).join('.');
}

/** The demand a follow-up is about, if any. */
export const demandIdOf = (followUp: FollowUpFacts): string | undefined =>
  followUp.demandId ?? (followUp.subjectCollection === 'demands' ? followUp.subjectId : undefined);

export const isDuplicate = (demand: DemandFacts): boolean =>
  demand.status === 'duplicate' || demand.duplicateOf !== undefined;
