// The closed vocabularies of the field (docs/glossary.md). Schemas, state machines, the UI and the
// hub all draw their enumerations from here, so a value can never exist in one place only.

export const PLACE_KINDS = [
  'street',
  'community',
  'courtyard',
  'building',
  'entrance',
  'floor',
  'venue',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Levels at which a topic is deliberated and a task is handled. */
export const LEVELS = ['courtyard', 'community', 'street'] as const;
export type Level = (typeof LEVELS)[number];

/** Roles a person holds in the place tree, each with a term (appointed → ceased). */
export const PERSON_ROLES = [
  'doorLeader', // 门长
  'floorLeader', // 层长
  'buildingLeader', // 楼长
  'courtyardLeader', // 院长
  'assignedWorker', // 包楼包院社区工作者
  'residentRep', // 居民代表
  'partyMember', // 党员
  'volunteer', // 志愿者
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Marks that raise a demand's priority (老人独居, 残障, 低保 …). */
export const VULNERABILITIES = ['elderlyAlone', 'disabled', 'lowIncome', 'seriouslyIll', 'child'] as const;
export type Vulnerability = (typeof VULNERABILITIES)[number];

export const ORGANIZATION_KINDS = [
  'propertyCompany', // 物业服务企业
  'propertyRightsUnit', // 产权单位
  'socialOrg', // 社区社会组织
  'streetDept', // 街道科室
  'residentUnit', // 驻区单位
  'ownersCommittee', // 业委会
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const DEMAND_TYPES = ['inquiry', 'help', 'complaint', 'report', 'suggestion'] as const; // 咨询/求助/投诉/举报/建议
export type DemandType = (typeof DEMAND_TYPES)[number];

export const DEMAND_SOURCES = ['hotline', 'visit', 'courtyardMeeting', 'hall', 'phone', 'other'] as const; // 12345 工单, 入户走访, 楼院议事, 社区议事厅, 电话, 其他
export type DemandSource = (typeof DEMAND_SOURCES)[number];

export const DEMAND_CATEGORIES = [
  'propertyService', // 物业服务
  'sanitation', // 环境卫生
  'parking', // 停车管理
  'evCharging', // 电动车充电
  'wasteSorting', // 垃圾分类
  'oldEstateRenovation', // 老旧小区改造
  'housingRepair', // 房屋维修
  'electricHeating', // 电气/供暖
  'neighbourDispute', // 邻里纠纷
  'elderlyDisabledCare', // 养老助残
  'safetyFire', // 治安消防
  'greening', // 绿化
  'publicFacilities', // 公共设施
  'other', // 其他
] as const;
export type DemandCategory = (typeof DEMAND_CATEGORIES)[number];

export const URGENCIES = ['normal', 'urgent', 'critical'] as const; // 一般 / 紧急 / 特急
export type Urgency = (typeof URGENCIES)[number];

/** 受理 → (归入议题) → 办理 → 答复/解决 → 回访关闭; 不合理 and 重复 are outcomes too. */
export const DEMAND_STATES = [
  'received', // 已登记
  'accepted', // 已受理
  'inTopic', // 已归入议题
  'handling', // 办理中
  'answered', // 已答复 (即时议)
  'resolved', // 已解决, awaiting call-back
  'closed', // 已办结 (call-back done)
  'unreasonable', // 不合理诉求, kept apart with evidence
  'duplicate', // 重复, linked to another demand
] as const;
export type DemandState = (typeof DEMAND_STATES)[number];

export const TOPIC_TRACKS = ['quick', 'inDepth'] as const; // 即时议 (48 h) / 深入议 (meeting within 5 working days)
export type TopicTrack = (typeof TOPIC_TRACKS)[number];

export const TOPIC_STATES = [
  'collecting', // 议题征集
  'stakeholders', // 主体确定
  'scheduled', // 议事组织: meeting scheduled
  'deliberated', // 已议定 (decision taken)
  'answered', // 即时议 answered
  'handling', // 结果办理
  'closed', // 监督跟进 done
  'escalated', // handed to the next level (the copy at the next level keeps the origin)
  'dropped', // 撤销, with a reason
] as const;
export type TopicState = (typeof TOPIC_STATES)[number];

export const MEETING_KINDS = [
  'courtyardMeeting', // 楼院议事会
  'communityHall', // 社区议事厅
  'streetNeedsHearing', // 街道共商共治 问需会
  'streetPolicyHearing', // 街道共商共治 问政会
  'weeklySeries', // 每周一议
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATES = [
  'draft',
  'noticed',
  'inProgress',
  'adjourned',
  'minutesDrafted',
  'minutesApproved',
  'published',
  'cancelled',
] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const VOTE_RULES = ['simpleMajority', 'twoThirds', 'unanimity', 'consensus'] as const;
export type VoteRule = (typeof VOTE_RULES)[number];

export const VOTE_BASES = ['entitled', 'present'] as const;
export type VoteBase = (typeof VOTE_BASES)[number];

export const COUNT_ORIGINS = ['hall', 'paper', 'proxy'] as const;
export type CountOrigin = (typeof COUNT_ORIGINS)[number];

export const MEETING_RECORD_KINDS = [
  'signIn',
  'proxy',
  'speaker',
  'voteCount',
  'voteResult',
  'decision',
  'agendaTiming',
  'correction',
] as const;
export type MeetingRecordKind = (typeof MEETING_RECORD_KINDS)[number];

export const TASK_CLASSIFICATIONS = ['individual', 'common', 'chronic'] as const; // 个别性 / 普遍性 / 老大难
export type TaskClassification = (typeof TASK_CLASSIFICATIONS)[number];

export const TASK_STATES = [
  'assigned',
  'inProgress',
  'finished',
  'accepted',
  'declined',
  'redirected',
  'reopened',
  'closed',
  'withdrawn',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** The state of one responsible party inside a task. */
export const PARTY_STATES = ['pending', 'accepted', 'declined', 'redirected', 'finished'] as const;
export type PartyState = (typeof PARTY_STATES)[number];

export const FOLLOW_UP_KINDS = ['progress', 'escalation', 'inspection', 'acceptance', 'callback'] as const; // 进展, 督办, 检查, 验收, 回访
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const CALLBACK_OUTCOMES = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const; // 满意/基本满意/不满意
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** 12345 回访结果 as the city records it: its three verdicts, or 未联系上 when nobody was reached. */
export const HOTLINE_CALLBACK_RESULTS = [...CALLBACK_OUTCOMES, 'unreachable'] as const; // 满意/基本满意/不满意/未联系上
export type HotlineCallbackResult = (typeof HOTLINE_CALLBACK_RESULTS)[number];

/** 12345 响应情况: the handling unit contacted the caller in time, late, or not at all. */
export const HOTLINE_RESPONSES = ['inTime', 'late', 'none'] as const; // 及时响应/超时响应/未响应
export type HotlineResponse = (typeof HOTLINE_RESPONSES)[number];

export const FUND_SOURCES = [
  'communityWelfareFund',
  'partyServiceFund',
  'socialOrgPurchase',
  'districtFund',
] as const; // 社区公益金, 党组织服务群众经费, 购买社会组织服务项目资金, 区级/市级资金
export type FundSource = (typeof FUND_SOURCES)[number];

export const PROJECT_KINDS = ['micro', 'major'] as const; // 微实事 / 大项目 (老旧小区改造 …)
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const PROJECT_STATES = [
  'proposed',
  'assessed',
  'approved',
  'inProgress',
  'completed',
  'accepted',
  'published',
  'rejected',
] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

export const CASE_KINDS = ['experience', 'case', 'story'] as const; // 经验 / 案例 / 故事
export type CaseKind = (typeof CASE_KINDS)[number];

/** Device and account roles used by the hub, its CLI and `can()`. */
export const ACTOR_ROLES = [
  'street-staff',
  'community-worker',
  'hall-chair',
  'recorder',
  'leader',
  'viewer',
] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** What a device is used for, chosen at first run. */
export const DEVICE_KINDS = ['hallPc', 'fieldLaptop', 'streetOffice'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const COLLECTION_NAMES = [
  'places',
  'people',
  'organizations',
  'demands',
  'topics',
  'meetings',
  'meetingRecords',
  'tasks',
  'followUps',
  'projects',
  'cases',
  'auditTrail',
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** Append-only collections: documents are written once and never edited, so they never conflict. */
export const APPEND_ONLY_COLLECTIONS = [
  'meetingRecords',
  'followUps',
  'auditTrail',
] as const satisfies readonly CollectionName[];

/** Reference data a device also receives for the ancestors of its scope. */
export const REFERENCE_COLLECTIONS = ['places', 'organizations'] as const satisfies readonly CollectionName[];

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

/** Who takes part in deliberating a topic (主体确定). */
export const STAKEHOLDER_KINDS = [
  'resident',
  'residentRep',
  'leader',
  'organization',
  'streetDept',
  'expert',
] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

/** How a party was told of a meeting: 电话, 短信, 上门, 张贴. */
export const NOTIFICATION_METHODS = ['phone', 'sms', 'visit', 'posted'] as const;
export type NotificationMethod = (typeof NOTIFICATION_METHODS)[number];

/** Who a meeting notice goes to: a person on the roster, or a party of a topic on the agenda. */
export const INVITEE_KINDS = ['person', ...ORGANIZATION_KINDS, 'expert'] as const;
export type InviteeKind = (typeof INVITEE_KINDS)[number];

/** A responsible party of a task: an organisation of any kind, or residents helping themselves (自治小组). */
export const TASK_PARTY_KINDS = [...ORGANIZATION_KINDS, 'selfHelpTeam'] as const;
export type TaskPartyKind = (typeof TASK_PARTY_KINDS)[number];

/** Outcome of an inspection (检查) or acceptance (验收) follow-up. */
export const INSPECTION_OUTCOMES = ['passed', 'failed'] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];

export const FOLLOW_UP_OUTCOMES = [...CALLBACK_OUTCOMES, ...INSPECTION_OUTCOMES] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** Collections whose documents follow-ups are written about. */
export const FOLLOW_UP_SUBJECTS = [
  'demands',
  'topics',
  'tasks',
  'projects',
] as const satisfies readonly CollectionName[];
export type FollowUpSubject = (typeof FOLLOW_UP_SUBJECTS)[number];

/** When residents are consulted on a micro-project (事前/事中/事后). */
export const CONSULTATION_PHASES = ['before', 'during', 'after'] as const;
export type ConsultationPhase = (typeof CONSULTATION_PHASES)[number];

export const CASE_STATES = ['draft', 'published'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** Events of the demand machine (shared/src/domain/machines/demand). */
export const DEMAND_EVENTS = [
  'accept', // 受理
  'addToTopic', // 归入议题
  'startHandling', // 转办理
  'answer', // 答复
  'resolve', // 办结
  'close', // 回访后关闭
  'reopen', // 重新办理 (不满意)
  'markUnreasonable', // 认定不合理
  'markDuplicate', // 认定重复
  'reinstate', // 撤销不合理/重复认定
] as const;
export type DemandEvent = (typeof DEMAND_EVENTS)[number];

export const TOPIC_EVENTS = [
  'selectStakeholders', // 主体确定
  'schedule', // 安排议事会
  'postpone', // 议事会取消或延期
  'deliberate', // 议定
  'answer', // 即时议答复
  'deepen', // 即时议转深入议
  'startHandling', // 结果办理
  'close', // 监督跟进完成
  'escalate', // 上报上一级
  'drop', // 撤销
  'restore', // 恢复
] as const;
export type TopicEvent = (typeof TOPIC_EVENTS)[number];

export const MEETING_EVENTS = [
  'notice',
  'start',
  'adjourn',
  'draftMinutes',
  'reviseMinutes',
  'approveMinutes',
  'publish',
  'cancel',
] as const;
export type MeetingEvent = (typeof MEETING_EVENTS)[number];

/** Task-level events; a task's open states are derived from its parties (PARTY_EVENTS). */
export const TASK_EVENTS = ['passAcceptance', 'close', 'reopen', 'supervise', 'withdraw'] as const; // 验收通过, 办结, 重新办理, 督办, 撤回
export type TaskEvent = (typeof TASK_EVENTS)[number];

export const PARTY_EVENTS = ['accept', 'decline', 'redirect', 'finish', 'reassign'] as const; // 接单, 不属于职责, 转交, 完成, 重新交办
export type PartyEvent = (typeof PARTY_EVENTS)[number];

/** Where a subject stands in supervision and evaluation (督/评), derived from its own state. */
export const EVALUATION_STATES = ['underway', 'awaitingAcceptance', 'awaitingCallback', 'done'] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];

/** A follow-up record seen as an event of the evaluation machine (kind + outcome). */
export const EVALUATION_EVENTS = [
  'progress',
  'escalation',
  'inspection',
  'acceptancePassed',
  'acceptanceFailed',
  'callbackSatisfied',
  'callbackBasicallySatisfied',
  'callbackUnsatisfied',
] as const;
export type EvaluationEvent = (typeof EVALUATION_EVENTS)[number];

export const PROJECT_EVENTS = [
  'assess',
  'approve',
  'reject',
  'start',
  'complete',
  'passAcceptance',
  'rework',
  'publish',
  'reconsider',
] as const;
export type ProjectEvent = (typeof PROJECT_EVENTS)[number];

/** Actions checked by `can()` (shared/src/domain/permissions) on the device and on the hub. */
export const PERMISSION_ACTIONS = [
  'read',
  'demand.create',
  'demand.update',
  'demand.import',
  'topic.create',
  'topic.update',
  'topic.escalate',
  'meeting.schedule',
  'meeting.run',
  'meeting.record',
  'minutes.approve',
  'task.assign',
  'task.update',
  'followUp.create',
  'callback.record',
  'project.manage',
  'project.approve',
  'case.edit',
  'place.edit',
  'person.edit',
  'organization.edit',
  'pii.read',
  'export.pii',
  'audit.write',
] as const;
export type PermissionAction = (typeof PERMISSION_ACTIONS)[number];

/** Image types a photo attachment (intake photos, receipts) may have; the hub accepts only these. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
