// The words of deliberation: what a topic is called, what a meeting decided, who does what.
import type { DemandCategory } from '#shared/domain/vocab';

export const TOPIC_SUBJECTS: Record<DemandCategory, string> = {
  propertyService: '物业服务质量提升',
  sanitation: '环境卫生整治',
  parking: '停车秩序管理',
  evCharging: '电动自行车集中充电',
  wasteSorting: '垃圾分类桶站设置',
  oldEstateRenovation: '老旧小区综合整治',
  housingRepair: '房屋公共部位维修',
  electricHeating: '电气线路改造',
  neighbourDispute: '邻里关系与文明公约',
  elderlyDisabledCare: '为老助残服务',
  safetyFire: '消防安全隐患整改',
  greening: '绿地提升改造',
  publicFacilities: '公共设施更新',
  other: '居民咨询集中答复',
};

export const DECISIONS: Record<DemandCategory, string> = {
  propertyService:
    '经表决通过：物业一个月内完成楼道保洁和门禁维修整改，每季度公示收支，社区每月组织一次服务评议。',
  sanitation: '经表决通过：垃圾站每日清运两次，每周消杀一次，楼道杂物由楼门长动员住户一周内自行清理。',
  parking:
    '经表决通过：施划车位并设置消防通道禁停标识，成立停车自治小组，本院车辆凭证停放，外来车辆限时停放。',
  evCharging: '经表决通过：在院内东侧空地建设电动自行车集中充电棚，安装智能充电桩，禁止飞线充电和入户充电。',
  wasteSorting: '经表决通过：桶站迁至院内西北角，早晚高峰安排志愿者值守，督促清运单位分类运输。',
  oldEstateRenovation:
    '经表决通过：将改造需求报送街道纳入综合整治项目，改造方案公示前再次召开议事会征求意见。',
  housingRepair: '经表决通过：由产权单位负责屋面防水和楼道维修，施工期间楼门长协助通知住户。',
  electricHeating: '经表决通过：申请纳入电气改造计划，供电单位更换入户线路和电表箱，改造前逐户告知。',
  neighbourDispute: '经协商一致：修订楼院文明公约，人民调解工作室负责后续个案调解。',
  elderlyDisabledCare: '经表决通过：开设老年餐桌，组建助老志愿服务队，每周上门探访独居老人。',
  safetyFire: '经表决通过：物业一周内检修消防设施，出入口和车棚增设监控，平安巡逻队夜间巡逻。',
  greening: '经表决通过：补植绿植、铺设透水步道，设置共享花园由居民认养维护。',
  publicFacilities: '经表决通过：申报微实事项目更新座椅和健身器材。',
  other: '集中答复居民咨询，并在公告栏公示办理指南。',
};

export const ESCALATION_REASONS = {
  community: '涉及多个楼院和产权单位，楼院层面无法协调解决，提交社区议事厅协商。',
  street: '需要街道统筹资金和多个职能部门协同，提交街道共商共治问政会。',
} as const;

export const DROP_REASON = '经议事协商，多数居民认为暂不具备实施条件，议题撤销，已向提出诉求的居民说明。';

export const QUICK_ANSWER = '经社区协调有关单位，已于48小时内答复居民并明确办理时限。';

export const PROGRESS_NOTES = [
  '责任单位已现场勘查，制定整改方案。',
  '施工队进场，完成约一半工作量，现场照片已上传。',
  '主体工作已完成，正在收尾，待组织验收。',
  '包楼工作者入户走访，向居民通报办理进展。',
];

export const WEEKLY_ITEMS = [
  '近期居民诉求通报',
  '上周议定事项办理情况',
  '楼门院长工作交流',
  '下周重点工作安排',
];
