// What residents ask for, in their words: a few titles and descriptions per category, filled in
// with the place. Modelled on the demands common in old Beijing compounds (老旧小区).
import type { DemandCategory, DemandType } from '#shared/domain/vocab';

export interface Where {
  yard: string;
  building: string;
  entrance: string;
}

interface Template {
  type: DemandType;
  title: (w: Where) => string;
  text: (w: Where) => string;
}

const t = (type: DemandType, title: (w: Where) => string, text: (w: Where) => string): Template => ({
  type,
  title,
  text,
});

export const DEMAND_TEMPLATES: Record<DemandCategory, Template[]> = {
  propertyService: [
    t(
      'complaint',
      (w) => `${w.yard}物业保洁不到位`,
      (w) =>
        `居民反映${w.yard}${w.building}楼道近一个月无人打扫，楼梯扶手积灰严重，垃圾桶满溢无人清运，多次向物业反映未见改善，希望督促物业按合同履行保洁服务。`,
    ),
    t(
      'complaint',
      (w) => `${w.building}${w.entrance}单元门禁损坏`,
      (w) =>
        `${w.yard}${w.building}${w.entrance}单元门禁系统损坏已两周，单元门无法关闭，外来人员随意进出，老人担心安全，报修后物业称等待配件，希望尽快修复。`,
    ),
    t(
      'suggestion',
      () => `希望物业公开收支情况`,
      (w) =>
        `${w.yard}部分业主提出物业费收缴和公共收益使用情况不透明，建议物业每季度在公告栏公示收支明细，并召开楼院议事会听取居民意见。`,
    ),
  ],
  sanitation: [
    t(
      'complaint',
      (w) => `${w.yard}垃圾站异味扰民`,
      (w) =>
        `${w.yard}东侧垃圾站夏季异味严重，清运不及时，紧邻${w.building}住户窗口，蚊蝇较多，居民希望增加清运频次并对垃圾站进行除臭消杀。`,
    ),
    t(
      'report',
      () => `楼道堆放杂物`,
      (w) =>
        `${w.building}${w.entrance}单元楼道内长期堆放旧家具、纸箱等杂物，占用疏散通道，存在消防隐患，居民举报后希望社区协调清理。`,
    ),
  ],
  parking: [
    t(
      'complaint',
      (w) => `${w.yard}乱停车堵塞消防通道`,
      (w) =>
        `居民反映${w.yard}${w.building}楼下消防通道长期被私家车占用，晚间尤为严重，上月救护车一度无法进入，希望物业加强管理并施划停车位、设置禁停标识。`,
    ),
    t(
      'suggestion',
      () => `建议实行停车自治管理`,
      (w) =>
        `${w.yard}车位紧张，外部车辆夜间进入停放，本院居民下班后无处停车。居民建议成立停车自治小组，办理本院车辆停车证，研究错时停车方案。`,
    ),
    t(
      'complaint',
      () => `僵尸车长期占用车位`,
      (w) =>
        `${w.yard}内有多辆无牌、落灰的废旧车辆停放一年以上，占用紧张的车位资源，希望社区联系车主或协调有关部门依法清理。`,
    ),
  ],
  evCharging: [
    t(
      'help',
      (w) => `${w.yard}电动自行车充电难`,
      (w) =>
        `${w.yard}没有集中充电设施，部分居民从${w.building}楼上拉“飞线”给电动自行车充电，存在火灾隐患。居民希望在院内建设集中充电棚并安装智能充电桩。`,
    ),
    t(
      'report',
      () => `电动车入户充电`,
      (w) =>
        `${w.building}${w.entrance}单元有住户将电动自行车推进楼道和家中充电，邻居担心起火，举报后希望社区上门劝导并尽快解决充电设施问题。`,
    ),
    t(
      'suggestion',
      () => `充电桩收费标准建议公开`,
      (w) =>
        `${w.yard}新装的电动车充电桩收费标准不清楚，部分老人不会使用扫码支付，建议公开收费标准并保留投币或刷卡方式。`,
    ),
  ],
  wasteSorting: [
    t(
      'suggestion',
      () => `垃圾分类桶站位置不合理`,
      (w) =>
        `${w.yard}垃圾分类桶站设在${w.building}单元门口，居民出入不便且有异味，建议通过楼院议事会重新选址，并配备桶站值守志愿者。`,
    ),
    t(
      'complaint',
      () => `垃圾混装混运`,
      (w) =>
        `居民反映${w.yard}分类投放后清运车辆仍将厨余垃圾与其他垃圾混装，挫伤居民分类积极性，希望街道督促清运单位分类运输。`,
    ),
  ],
  oldEstateRenovation: [
    t(
      'suggestion',
      (w) => `${w.yard}申请纳入老旧小区综合整治`,
      (w) =>
        `${w.yard}建于上世纪八十年代，外墙保温脱落，上下水管道老化，居民普遍希望纳入老旧小区综合整治计划，并在改造前充分征求居民意见。`,
    ),
    t(
      'help',
      (w) => `${w.building}加装电梯意愿征集`,
      (w) =>
        `${w.yard}${w.building}为六层老楼，高龄住户上下楼困难，部分居民希望加装电梯，但一层住户有顾虑，希望社区组织议事协商征求全体住户意见。`,
    ),
    t(
      'complaint',
      () => `改造施工扰民`,
      (w) =>
        `${w.yard}改造工程夜间施工噪音大，建筑垃圾堆放在${w.building}楼前未及时清运，居民希望施工单位规范作业时间并做好围挡。`,
    ),
  ],
  housingRepair: [
    t(
      'help',
      (w) => `${w.building}顶层漏雨`,
      (w) =>
        `${w.yard}${w.building}${w.entrance}单元顶层住户反映雨季屋顶漏雨，卧室墙面发霉，房屋产权单位尚未安排维修，希望协调尽快修缮屋面防水。`,
    ),
    t(
      'help',
      () => `单元楼道墙皮脱落`,
      (w) =>
        `${w.building}${w.entrance}单元楼道墙皮大面积脱落，台阶破损，老人上下楼有摔倒风险，希望产权单位或物业维修。`,
    ),
  ],
  electricHeating: [
    t(
      'help',
      (w) => `${w.building}电气线路老化`,
      (w) =>
        `${w.yard}${w.building}电线为三十年前铺设，夏季用电高峰经常跳闸，住户担心线路过热引发火灾，希望纳入电气改造计划，更换入户线路和电表箱。`,
    ),
    t(
      'complaint',
      () => `暖气不热`,
      (w) =>
        `入冬以来${w.yard}${w.building}${w.entrance}单元暖气温度偏低，室温不足16度，家中有老人和婴儿，多次反映未解决，希望供热单位上门检测处理。`,
    ),
    t(
      'help',
      () => `楼道灯不亮`,
      (w) => `${w.building}${w.entrance}单元楼道声控灯损坏多日，夜间上下楼漆黑，老人出行不便，希望尽快维修。`,
    ),
  ],
  neighbourDispute: [
    t(
      'help',
      () => `楼上漏水邻里纠纷`,
      (w) =>
        `${w.building}${w.entrance}单元住户反映楼上卫生间漏水至自家顶棚，双方多次协商未果，希望社区人民调解工作室介入调解。`,
    ),
    t(
      'complaint',
      () => `邻居饲养犬只扰民`,
      (w) =>
        `${w.yard}有住户饲养大型犬，夜间吠叫且不拴绳遛狗，邻居多次沟通无效，希望社区协调并宣传文明养犬。`,
    ),
  ],
  elderlyDisabledCare: [
    t(
      'help',
      () => `独居老人需要助餐服务`,
      (w) => `${w.yard}有多位独居高龄老人做饭困难，希望社区提供助餐或送餐服务，并定期上门探访。`,
    ),
    t(
      'suggestion',
      () => `单元门口加装扶手和坡道`,
      (w) =>
        `${w.building}${w.entrance}单元门口有三级台阶，乘轮椅的住户和老人出入困难，建议加装无障碍坡道和扶手。`,
    ),
  ],
  safetyFire: [
    t(
      'report',
      () => `消防栓无水`,
      (w) => `居民发现${w.yard}${w.building}旁室外消防栓锈蚀且无水，灭火器过期，存在安全隐患，希望尽快检修。`,
    ),
    t(
      'suggestion',
      () => `增加院内监控`,
      (w) => `${w.yard}近期发生多起电动车电瓶被盗，居民建议在出入口和车棚增设监控探头，并加强夜间巡逻。`,
    ),
  ],
  greening: [
    t(
      'suggestion',
      (w) => `${w.yard}绿地改造建议`,
      (w) =>
        `${w.yard}中心绿地黄土裸露，雨天泥泞，居民建议补种绿植、铺设透水步道，并设置共享花园由居民认养。`,
    ),
    t(
      'complaint',
      () => `树木遮挡采光`,
      (w) => `${w.building}南侧树木多年未修剪，枝杈伸入低层住户窗户，遮挡采光并有蚊虫，希望园林部门修剪。`,
    ),
  ],
  publicFacilities: [
    t(
      'suggestion',
      () => `增设休闲座椅`,
      (w) => `${w.yard}老人多，院内缺少休息座椅，建议在${w.building}楼前空地增设座椅和遮阳设施。`,
    ),
    t(
      'help',
      () => `健身器材损坏`,
      (w) => `${w.yard}健身器材部分损坏，螺丝松动，存在安全隐患，希望维修或更换。`,
    ),
    t(
      'inquiry',
      () => `咨询适老化改造补贴政策`,
      (w) => `${w.building}${w.entrance}单元住户咨询居家适老化改造的补贴申请条件和办理流程。`,
    ),
  ],
  other: [
    t(
      'inquiry',
      () => `咨询居住证办理`,
      (w) => `${w.yard}租户咨询居住证办理需要的材料和办理地点。`,
    ),
    t(
      'inquiry',
      () => `咨询社区活动报名`,
      (w) => `${w.building}居民咨询社区近期文化活动和兴趣班的报名方式。`,
    ),
  ],
};

/** A short answer the handling unit gives, by category. */
export const ANSWERS: Record<DemandCategory, string> = {
  propertyService: '已约谈物业项目经理，明确整改时限，社区包楼工作者跟进督促。',
  sanitation: '已协调环卫和物业增加清运频次并开展消杀，楼道杂物已清理。',
  parking: '已组织楼院议事会商定停车管理办法，施划车位并设置禁停标识。',
  evCharging: '已协调充电设施建设单位现场选址，集中充电棚纳入建设计划。',
  wasteSorting: '经居民议事重新确定桶站位置，招募志愿者值守，督促清运单位分类运输。',
  oldEstateRenovation: '已汇总居民意见报街道，纳入老旧小区综合整治项目库统筹推进。',
  housingRepair: '已联系产权单位勘查，安排维修队施工，完成后社区回访。',
  electricHeating: '已协调供电、供热单位上门检测，线路改造和维修已安排。',
  neighbourDispute: '人民调解员组织双方调解，达成维修和赔偿协议。',
  elderlyDisabledCare: '已将老人纳入助餐服务名单，志愿者定期上门探访。',
  safetyFire: '已通知物业和相关部门检修消防设施，加强夜间巡逻。',
  greening: '已报园林部门安排修剪和补植，居民认养方案已公示。',
  publicFacilities: '已纳入微实事项目，完成采购和安装。',
  other: '已电话答复居民相关政策和办理流程。',
};
