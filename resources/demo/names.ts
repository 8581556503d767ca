// Names of the demo street. The communities and courtyards are modelled on 小关街道 (Chaoyang,
// Beijing); every person, phone number, company and work-order number is fictional.
import type { Random } from './random';
import { pad } from './context';

export const STREET = { name: '小关街道', code: 'xg', address: '北京市朝阳区小关街道' } as const;

/** Each community and the street name its courtyards are numbered along. */
export const COMMUNITIES = [
  { name: '高原街社区', code: 'gyj', street: '高原街', numbers: [2, 4, 7, 9, 12] },
  { name: '惠新东街社区', code: 'hxdj', street: '惠新东街', numbers: [3, 6, 8, 11, 15] },
  { name: '小关东街社区', code: 'xgdj', street: '小关东街', numbers: [1, 5, 10, 14] },
  { name: '惠新北里社区', code: 'hxbl', street: '惠新北里', numbers: [1, 2, 3, 4, 6, 8] },
  { name: '惠新南里社区', code: 'hxnl', street: '惠新南里', numbers: [1, 2, 3, 5, 7] },
  { name: '惠新苑社区', code: 'hxy', street: '惠新苑', numbers: [1, 3, 5, 6] },
  { name: '小关北里社区', code: 'xgbl', street: '小关北里', numbers: [20, 31, 42, 45, 48] },
  { name: '惠新西街社区', code: 'hxxj', street: '惠新西街', numbers: [17, 21, 27, 33, 35] },
  { name: '小关东里社区', code: 'xgdl', street: '小关东里', numbers: [2, 5, 8, 10, 12, 16] },
  { name: '惠新里社区', code: 'hxl', street: '惠新里', numbers: [201, 215, 226, 231, 234] },
] as const;

export const COMMUNITY_VENUES = [
  { suffix: '邻里中心', venueType: 'neighbourhoodCentre' },
  { suffix: '共享花屋', venueType: 'sharedFlowerHouse' },
  { suffix: '聊聊吧', venueType: 'chatCorner' },
] as const;

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
  '唐',
  '冯',
  '于',
  '董',
  '萧',
  '程',
  '曹',
  '袁',
  '邓',
  '许',
  '傅',
  '沈',
  '曾',
  '彭',
  '吕',
  '苏',
  '卢',
  '蒋',
  '蔡',
  '贾',
  '丁',
  '魏',
  '薛',
  '叶',
  '阎',
  '余',
  '潘',
  '杜',
  '戴',
  '夏',
  '钟',
  '汪',
  '田',
  '任',
  '姜',
  '范',
  '方',
  '石',
  '姚',
  '谭',
  '廖',
  '邹',
  '熊',
  '金',
  '陆',
  '郝',
  '孔',
  '白',
  '崔',
  '康',
  '毛',
  '邱',
  '秦',
  '江',
  '史',
  '顾',
  '侯',
  '邵',
  '孟',
  '龙',
  '万',
  '段',
  '雷',
  '钱',
  '汤',
  '尹',
  '黎',
  '易',
  '常',
  '武',
  '乔',
  '贺',
  '赖',
  '龚',
  '文',
  '单',
  '关',
  '齐',
  '牛',
];
const GIVEN_FEMALE = '秀淑玉兰桂英华芳红梅丽静敏燕霞娟琴云萍雪慧颖洁丹莉艳娜婷倩晶晓佳'.split('');
const GIVEN_MALE = '建国志军明伟强刚平海斌勇杰涛峰磊亮东春德文永庆宝成立新利光福生'.split('');
const GIVEN_COMMON = '小宏丽长振嘉子一俊晨思雨'.split('');

export function personName(rng: Random, gender: 'female' | 'male'): string {
  const pool = gender === 'female' ? GIVEN_FEMALE : GIVEN_MALE;
  const surname = rng.pick(SURNAMES);
  if (rng.chance(0.3)) return surname + rng.pick(pool);
  return surname + (rng.chance(0.3) ? rng.pick(GIVEN_COMMON) : rng.pick(pool)) + rng.pick(pool);
}

/** How a hotline caller is recorded when they only give a surname. */
export function callerName(rng: Random): string {
  return rng.pick(SURNAMES) + (rng.chance(0.55) ? '女士' : '先生');
}

/** Clearly fictional mobile numbers: the 0000 block is never assigned. */
export function fictionalPhone(prefix: '139' | '138' | '137', n: number): string {
  return `${prefix}-0000-${pad(n % 10_000, 4)}`;
}

export const STREET_DEPARTMENTS = [
  '党政综合办公室',
  '党群工作办公室',
  '社区建设办公室',
  '城市管理办公室',
  '平安建设办公室',
  '民生保障办公室',
  '综合保障办公室',
  '市民诉求处置中心',
  '综合行政执法队',
  '社区服务中心',
];

export const PROPERTY_COMPANIES = [
  '京惠物业管理有限公司',
  '安馨物业服务有限公司',
  '华远达物业管理有限公司',
  '北辰嘉园物业服务有限公司',
  '朝和物业管理有限公司',
  '瑞祥物业服务有限公司',
  '金桥恒信物业管理有限公司',
  '悦居物业服务有限公司',
];

export const PROPERTY_RIGHTS_UNITS = [
  '惠新房屋经营管理中心',
  '京华建材厂房产管理科',
  '北辰电力职工宿舍管理处',
  '远东仪表厂后勤服务部',
  '朝阳房管小关管理站',
  '北方轻工研究院房产科',
];

export const RESIDENT_UNITS = [
  '小关社区卫生服务站',
  '惠新里小学',
  '小关派出所警务站',
  '惠新西街幼儿园',
  '朝阳供电小关营业所',
];

export const SOCIAL_ORG_ACTIVITIES = [
  '合唱团',
  '太极拳队',
  '书画社',
  '舞蹈队',
  '编织小组',
  '志愿服务队',
  '平安巡逻队',
  '垃圾分类督导队',
  '读书会',
  '京剧票友会',
  '手工坊',
  '健步走队',
  '养花协会',
  '邻里互助社',
  '棋牌社',
  '摄影协会',
  '乒乓球队',
  '葫芦丝乐团',
  '时装模特队',
  '科普小组',
  '人民调解工作室',
  '助老服务队',
  '亲子读书会',
  '环保小队',
  '便民维修队',
  '法律服务站',
  '心理关爱小组',
  '红色宣讲团',
  '花友会',
  '文明劝导队',
];

export const STREET_SOCIAL_ORG = '小关街道社区社会组织联合会';

export const CONTACT_TITLES = {
  propertyCompany: ['项目经理', '客服主管'],
  propertyRightsUnit: ['房产科科长', '管理员'],
  socialOrg: ['负责人', '联络员'],
  streetDept: ['科长', '副科长'],
  residentUnit: ['联络人', '办公室主任'],
  ownersCommittee: ['主任', '委员'],
} as const;
