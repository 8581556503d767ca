// Builds the 12345 work-order sample used by the import tests and demonstrations: 12345-sample.xlsx
// and the same rows as 12345-sample.csv (UTF-8 with BOM, as Excel saves "CSV UTF-8"). The place
// names are the demo street's, so every good row finds its courtyard, building or entrance; a few
// rows are wrong on purpose, each in one way a real export goes wrong.
// Run: npx tsx resources/samples/make-12345-sample.ts
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { DemandCategory } from '#shared/domain/vocab';
import { toCsv } from '#shared/domain/hotline/index';
import { generateDemoStreet } from '#resources/demo/index';
import { DEMAND_TEMPLATES } from '#resources/demo/demand-texts';
import { callerName } from '#resources/demo/names';
import { createRandom } from '#resources/demo/random';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEED = 12345;
const GOOD_ROWS = 500;
/** Beijing wall-clock window of the sample: 2026-05-01 … 2026-10-31. */
const FROM = Date.UTC(2026, 4, 1);
const DAYS = 184;
const DAY = 86_400_000;

const HEADERS = [
  '工单编号',
  '受理时间',
  '诉求类型',
  '问题分类',
  '诉求内容',
  '所属社区',
  '地址',
  '来电人',
  '联系电话',
  '紧急程度',
  '办理时限',
  '派单时间',
  '一级分类',
  '二级分类',
  '三级分类',
  '承办单位',
  '办结时间',
  '办理结果',
  '是否解决',
  '回访结果',
  '响应情况',
];
/** Orders received before this (Beijing wall clock) were completed and called back; later ones are open. */
const CLOSED_BEFORE = Date.UTC(2026, 8, 1);
const UNITS = [
  '小关街道办事处',
  '朝阳区住房和城乡建设委员会',
  '朝阳区城市管理委员会',
  '小关街道城市管理办公室',
];

const CATEGORY_PATHS: Record<DemandCategory, string> = {
  propertyService: '城乡建设/物业管理/物业服务',
  sanitation: '城市管理/市容环境/环境卫生',
  parking: '城市管理/交通秩序/停车管理',
  evCharging: '城市管理/安全隐患/电动自行车充电',
  wasteSorting: '城市管理/市容环境/垃圾分类',
  oldEstateRenovation: '城乡建设/老旧小区综合整治',
  housingRepair: '城乡建设/房屋管理/房屋维修',
  electricHeating: '城乡建设/市政设施/供暖供电',
  neighbourDispute: '社会秩序/邻里纠纷',
  elderlyDisabledCare: '民政服务/养老助残',
  safetyFire: '公共安全/治安消防',
  greening: '城市管理/园林绿化',
  publicFacilities: '城市管理/公共设施',
  other: '其他/政策咨询',
};
const TYPE_WORDS = {
  inquiry: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
} as const;

type Row = (string | Date)[];

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Excel shows a date cell's UTC fields, so Beijing wall-clock time is written as if it were UTC. */
const wallText = (wall: number) => new Date(wall).toISOString().slice(0, 16).replace('T', ' ');

function build(): Row[] {
  const rng = createRandom(SEED);
  const demo = generateDemoStreet({ seed: 1, now: '2026-11-01T00:00:00.000Z' });
  const byId = new Map(demo.places.map((p) => [p.id, p]));
  const courtyards = demo.places.filter((p) => p.kind === 'courtyard');
  const childrenOf = (id: string, kind: string) =>
    demo.places.filter((p) => p.parentId === id && p.kind === kind);
  const categories = Object.keys(DEMAND_TEMPLATES) as DemandCategory[];
  const rows: Row[] = [];
  const walls: number[] = [];
  for (let i = 0; i < GOOD_ROWS; i += 1)
    walls.push(FROM + rng.int(0, DAYS - 1) * DAY + (8.5 * 60 + rng.int(0, 570)) * 60_000);
  walls.sort((a, b) => a - b);
  walls.forEach((wall, i) => {
    const courtyard = rng.pick(courtyards);
    const community = byId.get(courtyard.parentId as string);
    const building = rng.pick(childrenOf(courtyard.id, 'building'));
    const entrance = rng.pick(childrenOf(building.id, 'entrance'));
    const category = rng.pick(categories);
    const template = rng.pick(DEMAND_TEMPLATES[category]);
    const where = {
      yard: courtyard.name,
      building: building.name,
      entrance: entrance.name.replace('单元', ''),
    };
    // Real addresses vary: with or without 号院, with or without the district, sometimes only the courtyard.
    const yardText = rng.chance(0.2) ? courtyard.name.replace(/院$/, '') : courtyard.name;
    const room = `${rng.int(1, 6)}0${rng.int(1, 4)}`;
    const aroundCommunity = rng.chance(0.04);
    const address = aroundCommunity
      ? `${community?.name ?? ''}周边道路`
      : rng.chance(0.15)
        ? `${yardText}`
        : `${rng.chance(0.5) ? '北京市朝阳区' : ''}${yardText}${building.name}${entrance.name}${room}`;
    const urgency = rng.weighted([
      ['一般', 80],
      ['紧急', 16],
      ['特急', 4],
    ] as const);
    const due = rng.chance(0.5)
      ? wallText(wall + (urgency === '特急' ? 2 : urgency === '紧急' ? 24 : 7 * 24) * 3_600_000)
      : rng.pick(['3个工作日', '5个工作日', '7天']);
    const [class1 = '', class2 = '', class3 = ''] = (
      category === 'electricHeating' && rng.chance(0.5)
        ? '城乡建设/房屋管理/楼内线路老化'
        : category === 'housingRepair' && rng.chance(0.4)
          ? '城乡建设/房屋管理/电梯维修'
          : CATEGORY_PATHS[category]
    ).split('/');
    rows.push([
      `GD${new Date(wall).toISOString().slice(0, 10).replaceAll('-', '')}${pad(i + 1, 5)}`,
      new Date(wall),
      TYPE_WORDS[template.type],
      CATEGORY_PATHS[category],
      template.text(where),
      !aroundCommunity && rng.chance(0.1)
        ? ''
        : rng.chance(0.2)
          ? `${community?.name ?? ''}居委会`
          : (community?.name ?? ''),
      address,
      callerName(rng),
      rng.chance(0.1) ? '' : `137-0000-${pad(i, 4)}`,
      urgency,
      due,
      ...handling(rng, wall, [class1, class2, class3]),
    ]);
  });
  return [...rows, ...badRows(rows)];
}

/** 派单时间 … 响应情况: earlier orders completed with the city's call-back, recent ones still open. */
function handling(rng: ReturnType<typeof createRandom>, wall: number, classes: string[]): (string | Date)[] {
  const dispatched = new Date(wall + rng.int(10, 90) * 60_000);
  const unit = rng.pick(UNITS);
  const response = rng.weighted([
    ['及时响应', 92],
    ['超时响应', 6],
    ['未响应', 2],
  ] as const);
  if (wall >= CLOSED_BEFORE) return [dispatched, ...classes, unit, '', '', '', '', response];
  const finished = new Date(wall + rng.int(1, 9) * DAY + rng.int(0, 300) * 60_000);
  const callback = rng.weighted([
    ['满意', 70],
    ['基本满意', 14],
    ['不满意', 10],
    ['未联系上', 6],
  ] as const);
  const resolved = callback === '未联系上' ? '' : callback === '不满意' && rng.chance(0.6) ? '否' : '是';
  const result = resolved === '否' ? '已联系诉求人说明情况，问题暂未解决' : '已派人现场处理，问题已解决';
  return [dispatched, ...classes, unit, finished, result, resolved, callback, response];
}

/** Eighteen rows a person must fix, each wrong in one recognisable way, and two re-exported ones. */
function badRows(good: Row[]): Row[] {
  const base = (n: number): Row => [...(good[n * 17] as Row)] as Row;
  const bad: Row[] = [];
  const with_ = (n: number, index: number, value: string | Date, orderNo?: string) => {
    const row = base(n);
    row[index] = value;
    row[0] = orderNo ?? `GD20261101${pad(900 + n, 5)}`;
    bad.push(row);
  };
  with_(1, 0, '', '');
  with_(2, 0, '', '');
  with_(3, 1, '2026-13-45 10:00');
  with_(4, 1, '九月初');
  with_(5, 1, '');
  with_(6, 5, '和平里社区');
  bad[bad.length - 1]![6] = '北京市东城区和平里北街5号院1号楼';
  with_(7, 5, '');
  bad[bad.length - 1]![6] = '朝阳区某小区';
  with_(8, 8, '1370000');
  with_(9, 8, '电话打不通');
  with_(10, 2, '表扬');
  with_(11, 9, '待定');
  with_(12, 10, '尽快');
  with_(13, 4, '');
  with_(14, 1, '2099-01-01 09:00');
  with_(15, 0, 'GD-*#1', 'GD-*#1');
  with_(16, 10, '2026-01-01 00:00');
  with_(17, 5, '');
  bad[bad.length - 1]![6] = '';
  // The same work order twice in one export (re-exported after the city's call-back): the later
  // row wins and counts as an update.
  for (const n of [100, 200]) {
    const later = [...(good[n] as Row)];
    later[16] = new Date((later[1] as Date).getTime() + 5 * DAY);
    later[17] = '已重新派单处理，问题已解决';
    later[18] = '是';
    later[19] = '满意';
    bad.push(later);
  }
  with_(18, 8, '010-6491');
  return bad;
}

async function main() {
  const rows = build();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '北京市12345市民服务热线';
  workbook.created = new Date('2026-11-01T00:00:00.000Z');
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('工单明细');
  sheet.columns = HEADERS.map((header, i) => ({
    header,
    key: String(i),
    width: [18, 18, 10, 28, 60, 16, 40, 10, 16, 10, 18, 18, 12, 12, 16, 24, 18, 30, 10, 10, 10][i],
    ...([1, 11, 16].includes(i) ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(join(HERE, '12345-sample.xlsx'));
  const text = toCsv([
    HEADERS,
    ...rows.map((r) => r.map((c) => (c instanceof Date ? wallText(c.getTime()) : c))),
  ]);
  await writeFile(join(HERE, '12345-sample.csv'), `\ufeff${text}`, 'utf8');
  console.log(`${rows.length} rows (${GOOD_ROWS} good) → 12345-sample.xlsx, 12345-sample.csv`);
}

await main();
