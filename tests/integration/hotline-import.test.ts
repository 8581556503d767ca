// A 12345 export with the city's handling results, imported into a real local database (RxDB with
// schema validation, memory storage) through the same code the import page runs: the stored facts
// and the three rates are checked against a table computed by hand, then a newer export of the
// same orders updates them, keeping what a worker changed locally and showing the one true conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { generateDemoStreet } from '#resources/demo/index';
import { threeRates } from '#shared/domain/aggregations/index';
import { DEFAULT_CLASS_MAPPING, unmappedClasses, type ClassMapping } from '#shared/domain/hotline/classes';
import { autoMap } from '#shared/domain/hotline/fields';
import { classPaths } from '#shared/domain/hotline/rows';
import type { DemandDoc } from '#shared/schema/index';
import { createYishiDatabase, type YishiDatabase } from '../../renderer/src/db/create-database';
import { devTools } from '../../renderer/src/db/dev-mode';
import { xlsxTable } from '../../renderer/src/features/hotline-import/read-table';
import { runImport } from '../../renderer/src/features/hotline-import/run-import';

const HEADERS = [
  '工单编号',
  '受理时间',
  '派单时间',
  '诉求类型',
  '一级分类',
  '二级分类',
  '三级分类',
  '诉求内容',
  '所属社区',
  '地址',
  '来电人',
  '联系电话',
  '紧急程度',
  '办理时限',
  '承办单位',
  '办结时间',
  '办理结果',
  '是否解决',
  '回访结果',
  '响应情况',
] as const;
type Header = (typeof HEADERS)[number];
type Order = Partial<Record<Header, string>>;

const ELEVATOR = ['城乡建设', '房屋管理', '电梯维修'];
const WIRING = ['城乡建设', '房屋管理', '楼内线路老化'];
const NOISE = ['城市管理', '噪声扰民', '施工噪声'];

/** One order of 高原街2号院 (the demo street's), received in March 2026 (Beijing time). */
function order(no: string, day: number, classes: string[], text: string, over: Order = {}): Order {
  const d = String(day).padStart(2, '0');
  return {
    工单编号: no,
    受理时间: `2026-03-${d} 09:00`,
    派单时间: `2026-03-${d} 09:30`,
    诉求类型: '投诉',
    一级分类: classes[0] ?? '',
    二级分类: classes[1] ?? '',
    三级分类: classes[2] ?? '',
    诉求内容: text,
    所属社区: '高原街社区',
    地址: '高原街2号院',
    来电人: '王女士',
    联系电话: `1380000${no.slice(-4)}`,
    紧急程度: '一般',
    办理时限: '5',
    承办单位: '小关街道办事处',
    ...over,
  };
}
const closed = (day: number, resolved: string, callback: string, response = '及时响应'): Order => ({
  办结时间: `2026-03-${String(day).padStart(2, '0')} 16:00`,
  办理结果: '已派物业上门处理',
  是否解决: resolved,
  回访结果: callback,
  响应情况: response,
});

/** The first export: closed, open, dissatisfied, unreachable, re-exported and misclassified orders. */
const FIRST: Order[] = [
  // Misclassified before: the words say 老人 (养老助残), the city's class says 电梯维修 (房屋维修).
  order('A0000001', 2, ELEVATOR, '老人上下楼不方便，电梯坏了一周', closed(4, '是', '满意')),
  // Misclassified before: no word of the text names the class (楼内线路老化 → 电气/供暖).
  order('A0000002', 3, WIRING, '楼道里晚上常跳闸，一片漆黑', closed(5, '是', '基本满意')),
  order('A0000003', 4, ELEVATOR, '电梯异响，修了又坏', closed(6, '否', '不满意')),
  order('A0000004', 5, WIRING, '地下室电线裸露', closed(9, '是', '满意', '超时响应')),
  order('A0000005', 6, ELEVATOR, '电梯按钮失灵', closed(10, '', '未联系上')),
  // Open: 5 working days from dispatch (Fri 6 March 09:30) → Fri 13 March 09:30.
  order('A0000006', 6, WIRING, '单元门禁没电', { 响应情况: '及时响应' }),
  // Open: 3 working days from dispatch (Fri 20 March 09:30) → Wed 25 March 09:30.
  order('A0000007', 20, ELEVATOR, '电梯停运', { 办理时限: '3个工作日', 响应情况: '未响应' }),
  // No class at all: the category is a guess from the words, marked as one.
  order('A0000008', 10, [], '小区里垃圾清运不及时，有异味', {
    ...closed(12, '是', ''),
    回访结果: '',
  }),
  // Re-exported: first open, later in the same file closed (the later row wins, counted 更新).
  order('A0000009', 11, WIRING, '楼道灯不亮', { 响应情况: '及时响应' }),
  order('A0000010', 12, NOISE, '夜间施工噪声扰民', closed(16, '是', '满意')),
];
FIRST.push(order('A0000009', 11, WIRING, '楼道灯不亮', closed(13, '是', '满意')));

async function workbookOf(orders: readonly Order[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工单明细');
  sheet.addRow([...HEADERS]);
  for (const o of orders) sheet.addRow(HEADERS.map((h) => o[h] ?? ''));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

let db: YishiDatabase;
const AUTHOR = { deviceId: 'street-pc' };
const MARCH = { scope: 'xg', from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' };

async function importFile(orders: readonly Order[], classes: ClassMapping) {
  const table = await xlsxTable(await workbookOf(orders), ExcelJS);
  return runImport(db, AUTHOR, 'xg', 'export.xlsx', table, autoMap(table.headers), classes, () => undefined);
}
const stored = async () =>
  new Map((await db.demands.find().exec()).map((d) => [d.hotlineOrderNo ?? d.id, d.toJSON() as DemandDoc]));
const rates = async () => {
  const demands = [...(await stored()).values()];
  const followUps = (await db.followUps.find().exec()).map((f) => f.toJSON());
  return threeRates(demands, followUps, MARCH);
};

beforeAll(async () => {
  db = await createYishiDatabase({
    name: 'hotline-import-integration',
    storage: getRxStorageMemory(),
    password: 'device-key-0123456789',
    multiInstance: false,
    devTools: devTools(),
  });
  const demo = generateDemoStreet({ seed: 1, now: '2026-03-01T00:00:00.000Z', scale: 1 });
  await db.places.bulkInsert(demo.places);
});
afterAll(async () => {
  await db.remove();
});

describe('12345 import with handling results', () => {
  let classes: ClassMapping = DEFAULT_CLASS_MAPPING;

  it('lists the one class the table does not know, for a person to assign before import', async () => {
    const table = await xlsxTable(await workbookOf(FIRST), ExcelJS);
    const unknown = unmappedClasses(classPaths(table, autoMap(table.headers)), DEFAULT_CLASS_MAPPING);
    expect(unknown).toEqual([{ path: '城市管理/噪声扰民/施工噪声', rows: 1, guess: 'neighbourDispute' }]);
    classes = { ...DEFAULT_CLASS_MAPPING, '城市管理/噪声扰民/施工噪声': 'neighbourDispute' };
  });

  it('stores the facts of each order as the city gave them', async () => {
    const result = await importFile(FIRST, classes);
    expect({
      created: result.plan.create.length,
      updated: result.plan.update.length,
      unchanged: result.plan.unchanged.length,
      refused: result.plan.refused.length,
    }).toEqual({ created: 10, updated: 1, unchanged: 0, refused: 0 });
    expect(result.plan.update[0]).toMatchObject({ rowNumber: 12, replacesRow: 10 });

    const byNo = await stored();
    const facts = (no: string) => {
      const d = byNo.get(no) as DemandDoc;
      return [
        d.status,
        d.category,
        d.categoryGuessed ?? false,
        d.hotlineResponse,
        d.hotlineResolved,
        d.hotlineCallback,
      ];
    };
    // Hand-computed: status from 办结 and 回访, category from the class table, the city's verdicts.
    expect(Object.fromEntries([...byNo.keys()].sort().map((no) => [no, facts(no)]))).toEqual({
      A0000001: ['closed', 'housingRepair', false, 'inTime', true, 'satisfied'],
      A0000002: ['closed', 'electricHeating', false, 'inTime', true, 'basicallySatisfied'],
      A0000003: ['closed', 'housingRepair', false, 'inTime', false, 'unsatisfied'],
      A0000004: ['closed', 'electricHeating', false, 'late', true, 'satisfied'],
      A0000005: ['closed', 'housingRepair', false, 'inTime', undefined, 'unreachable'],
      A0000006: ['received', 'electricHeating', false, 'inTime', undefined, undefined],
      A0000007: ['received', 'housingRepair', false, 'none', undefined, undefined],
      A0000008: ['resolved', 'sanitation', true, 'inTime', true, undefined],
      A0000009: ['closed', 'electricHeating', false, 'inTime', true, 'satisfied'],
      A0000010: ['closed', 'neighbourDispute', false, 'inTime', true, 'satisfied'],
    });
    const a1 = byNo.get('A0000001') as DemandDoc;
    expect(a1).toMatchObject({
      source: 'hotline',
      hotlineCategory: '城乡建设/房屋管理/电梯维修',
      hotlineUnit: '小关街道办事处',
      hotlineResult: '已派物业上门处理',
      receivedAt: '2026-03-02T01:00:00.000Z',
      hotlineDispatchedAt: '2026-03-02T01:30:00.000Z',
      hotlineFinishedAt: '2026-03-04T08:00:00.000Z',
      resolvedAt: '2026-03-04T08:00:00.000Z',
      closedAt: '2026-03-04T08:00:00.000Z',
      reporterPhone: '138-0000-0001',
    });
    // Open orders carry their real deadline: working days from dispatch (Beijing 09:30 = 01:30Z).
    expect(byNo.get('A0000006')?.dueAt).toBe('2026-03-13T01:30:00.000Z');
    expect(byNo.get('A0000007')?.dueAt).toBe('2026-03-25T01:30:00.000Z');
  });

  it('counts the three rates as the city does', async () => {
    // 响应率: 及时响应 8 of 10 (A4 超时, A7 未响应).
    // 解决率: 是否解决 where given, else the status: A1 A2 A4 A5(办结) A8 A9 A10 = 7 of 10.
    // 满意率: (满意 4 + 基本满意 1) / (4 + 1 + 不满意 1 + 未联系上 1 (A5)) = 5/7.
    expect(await rates()).toMatchObject({
      received: 10,
      respondedInTime: 8,
      responsePending: 0,
      resolved: 7,
      satisfied: 4,
      basicallySatisfied: 1,
      unsatisfied: 1,
      unreachable: 1,
      callbacks: 7,
      responseRate: 0.8,
      resolutionRate: 0.7,
      satisfactionRate: 5 / 7,
    });
  });

  it('importing the same file again changes nothing', async () => {
    const result = await importFile(FIRST, classes);
    expect([result.plan.create.length, result.plan.update.length, result.plan.unchanged.length]).toEqual([
      0, 0, 11,
    ]);
  });

  it('a newer export updates the handling facts, keeps local changes and shows the true conflict', async () => {
    // A worker links A1 and A7 to a topic on this device.
    for (const id of ['hotline-A0000001', 'hotline-A0000007'])
      await db.demands.findOne(id).update({ $set: { topicId: 'topic-lift', status: 'inTopic' } });

    const latest = new Map(FIRST.map((o) => [o.工单编号, o]));
    const newer: Order[] = [...latest.values()].map((o) => {
      if (o.工单编号 === 'A0000001') return { ...o, 办理结果: '已更换电梯控制板' };
      if (o.工单编号 === 'A0000006') return { ...o, ...closed(12, '是', '满意') };
      if (o.工单编号 === 'A0000007') return { ...o, ...closed(24, '是', '不满意', '超时响应') };
      return o;
    });
    newer.push(order('A0000011', 25, WIRING, '楼道声控灯失灵', { 响应情况: '及时响应' }));
    const result = await importFile(newer, classes);
    expect({
      created: result.plan.create.length,
      updated: result.plan.update.length,
      unchanged: result.plan.unchanged.length,
    }).toEqual({ created: 1, updated: 3, unchanged: 7 });
    expect(result.plan.conflicts).toEqual([
      expect.objectContaining({ orderNo: 'A0000007', field: 'status', local: 'inTopic', incoming: 'closed' }),
    ]);

    const byNo = await stored();
    // A1: the newer result, the topic link and its status kept (the city's status did not move).
    expect(byNo.get('A0000001')).toMatchObject({
      hotlineResult: '已更换电梯控制板',
      topicId: 'topic-lift',
      status: 'inTopic',
    });
    expect(byNo.get('A0000006')).toMatchObject({ status: 'closed', hotlineCallback: 'satisfied' });
    // A7: both moved — the local status stays, the city's waits in the conflict list.
    const a7 = byNo.get('A0000007') as DemandDoc;
    expect(a7).toMatchObject({ status: 'inTopic', topicId: 'topic-lift', hotlineCallback: 'unsatisfied' });
    expect(a7.conflicts).toEqual([
      expect.objectContaining({ field: 'status', localValue: 'inTopic', remoteValue: 'closed' }),
    ]);

    // 响应率 9/11 (A4 超时, A7 超时); 解决率 9/11 (A3 否, A11 open);
    // 满意率 (5 + 1) / (5 + 1 + 不满意 2 + 未联系上 1) = 6/9.
    expect(await rates()).toMatchObject({
      received: 11,
      respondedInTime: 9,
      resolved: 9,
      satisfied: 5,
      basicallySatisfied: 1,
      unsatisfied: 2,
      unreachable: 1,
      satisfactionRate: 6 / 9,
    });

    const again = await importFile(newer, classes);
    expect([again.plan.update.length, again.plan.unchanged.length]).toEqual([0, 11]);
  });
});
