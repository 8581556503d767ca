// The closed vocabularies of the field (GLOSSARY.md). Schemas, state machines, the UI and the
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
] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** The state of one responsible party inside a task. */
export const PARTY_STATES = ['pending', 'accepted', 'declined', 'redirected', 'finished'] as const;
export type PartyState = (typeof PARTY_STATES)[number];

export const FOLLOW_UP_KINDS = ['progress', 'escalation', 'inspection', 'acceptance', 'callback'] as const; // 进展, 督办, 检查, 验收, 回访
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const CALLBACK_OUTCOMES = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const; // 满意/基本满意/不满意
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

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
