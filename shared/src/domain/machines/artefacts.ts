import { CALLBACK_OUTCOMES } from '#shared/domain/vocab';

// What a transition needs before it may happen. The caller passes what it holds in
// `ctx.artefacts`; the machine only checks presence and, for records, their outcome.

const isPresent = (value: unknown): boolean => {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
};

const outcomeOf = (value: unknown): unknown =>
  typeof value === 'object' && value !== null ? (value as { outcome?: unknown }).outcome : undefined;

interface ArtefactSpec {
  readonly label: string;
  readonly present: (value: unknown) => boolean;
}

export const ARTEFACTS = {
  reason: { label: '理由', present: isPresent },
  note: { label: '情况说明', present: isPresent },
  answerText: { label: '答复内容', present: isPresent },
  completionNote: { label: '办理结果说明', present: isPresent },
  topicId: { label: '所属议题', present: isPresent },
  duplicateOf: { label: '重复的原诉求', present: isPresent },
  unreasonableEvidence: { label: '不合理诉求认定依据', present: isPresent },
  stakeholders: { label: '参与主体名单', present: isPresent },
  meetingId: { label: '议事会', present: isPresent },
  decision: { label: '议定事项', present: isPresent },
  taskIds: { label: '已交办的任务', present: isPresent },
  agenda: { label: '会议议程', present: isPresent },
  roster: { label: '应到人员名单', present: isPresent },
  minutesText: { label: '会议纪要文本', present: isPresent },
  approvedMinutes: {
    label: '已批准的会议纪要',
    present: (v) =>
      isPresent(v) &&
      (typeof v !== 'object' || isPresent((v as { minutesApprovedAt?: unknown }).minutesApprovedAt)),
  },
  publicNotice: { label: '公示内容', present: isPresent },
  redirectedTo: { label: '转交对象', present: isPresent },
  feasibility: { label: '可行性与费用评估', present: isPresent },
  milestones: { label: '实施节点', present: isPresent },
  passedVote: {
    label: '表决通过的结果',
    present: (v) => typeof v === 'object' && v !== null && (v as { passed?: unknown }).passed === true,
  },
  acceptanceRecord: { label: '验收合格记录', present: (v) => outcomeOf(v) === 'passed' },
  callbackRecord: {
    label: '回访记录',
    present: (v) => (CALLBACK_OUTCOMES as readonly unknown[]).includes(outcomeOf(v)),
  },
  satisfiedCallback: {
    label: '满意或基本满意的回访记录',
    present: (v) => outcomeOf(v) === 'satisfied' || outcomeOf(v) === 'basicallySatisfied',
  },
  unsatisfiedCallback: { label: '不满意的回访记录', present: (v) => outcomeOf(v) === 'unsatisfied' },
} as const satisfies Record<string, ArtefactSpec>;

export type ArtefactName = keyof typeof ARTEFACTS;
export type Artefacts = Partial<Record<ArtefactName, unknown>>;

/** One requirement: a single artefact, or a list of which any one suffices. */
export type Requirement = ArtefactName | readonly ArtefactName[];

export function requirementMet(requirement: Requirement, artefacts: Artefacts): boolean {
  const names: readonly ArtefactName[] = typeof requirement === 'string' ? [requirement] : requirement;
  return names.some((name) => ARTEFACTS[name].present(artefacts[name]));
}

export function requirementLabel(requirement: Requirement): string {
  const names: readonly ArtefactName[] = typeof requirement === 'string' ? [requirement] : requirement;
  return names.map((name) => ARTEFACTS[name].label).join('或');
}
