// The fields of a 12345 work order the import understands, and how spreadsheet columns map onto
// them. Exports differ between districts and years (问题描述 vs 诉求内容, 所属社区 vs 社区名称), so
// a mapping is chosen per file and the ones that worked are kept as presets.

export const HOTLINE_FIELDS = [
  'orderNo', // 工单编号
  'receivedAt', // 受理时间
  'type', // 诉求类型
  'category', // 问题分类
  'title', // 工单标题
  'description', // 诉求内容 / 问题描述
  'community', // 所属社区
  'courtyard', // 所属小区 / 院
  'address', // 地址
  'reporterName', // 来电人
  'reporterPhone', // 联系电话
  'urgency', // 紧急程度
  'dueAt', // 办理时限
  // The city's classification and handling results (a newer export brings newer results).
  'class1', // 一级分类
  'class2', // 二级分类
  'class3', // 三级分类
  'dispatchedAt', // 派单时间
  'unit', // 承办单位
  'finishedAt', // 办结时间
  'result', // 办理结果
  'resolved', // 是否解决
  'callback', // 回访结果
  'response', // 响应情况
] as const;
export type HotlineField = (typeof HOTLINE_FIELDS)[number];

export const HOTLINE_FIELD_LABELS: Readonly<Record<HotlineField, string>> = {
  orderNo: '工单编号',
  receivedAt: '受理时间',
  type: '诉求类型',
  category: '问题分类',
  title: '工单标题',
  description: '诉求内容',
  community: '所属社区',
  courtyard: '所属小区',
  address: '地址',
  reporterName: '来电人',
  reporterPhone: '联系电话',
  urgency: '紧急程度',
  dueAt: '办理时限',
  class1: '一级分类',
  class2: '二级分类',
  class3: '三级分类',
  dispatchedAt: '派单时间',
  unit: '承办单位',
  finishedAt: '办结时间',
  result: '办理结果',
  resolved: '是否解决',
  callback: '回访结果',
  response: '响应情况',
};

/** Without these a row cannot become a demand; a place also needs a community, courtyard or address. */
export const REQUIRED_FIELDS: readonly HotlineField[] = ['orderNo', 'receivedAt', 'description'];
export const PLACE_FIELDS: readonly HotlineField[] = ['community', 'courtyard', 'address'];

/** Column header → field. Headers are compared after trimming; a field maps to at most one column. */
export type ColumnMapping = Partial<Record<HotlineField, string>>;

export interface MappingPreset {
  readonly id: string;
  readonly name: string;
  readonly mapping: ColumnMapping;
}

/** Header spellings seen in 12345 exports, the usual one first. */
export const HEADER_ALIASES: Readonly<Record<HotlineField, readonly string[]>> = {
  orderNo: ['工单编号', '工单号', '工单编码', '编号', '诉求编号'],
  receivedAt: ['受理时间', '来电时间', '登记时间', '创建时间'],
  type: ['诉求类型', '工单类型', '来电类型', '类型'],
  category: ['问题分类', '问题类别', '诉求分类', '业务分类', '分类'],
  title: ['工单标题', '诉求标题', '标题', '主题'],
  description: ['诉求内容', '问题描述', '来电内容', '反映内容', '工单内容', '内容'],
  community: ['所属社区', '社区', '社区名称', '涉及社区'],
  courtyard: ['所属小区', '小区', '小区名称', '院落'],
  address: ['地址', '问题地址', '详细地址', '发生地址', '事发地址'],
  reporterName: ['来电人', '来电人姓名', '诉求人', '反映人', '联系人'],
  reporterPhone: ['联系电话', '来电号码', '电话', '手机号', '联系方式'],
  urgency: ['紧急程度', '缓急程度', '紧急度', '优先级'],
  dueAt: ['办理时限', '处理时限', '办结时限', '截止时间', '时限'],
  class1: ['一级分类', '一级类别', '问题一级分类'],
  class2: ['二级分类', '二级类别', '问题二级分类'],
  class3: ['三级分类', '三级类别', '问题三级分类'],
  dispatchedAt: ['派单时间', '派发时间', '转派时间', '交办时间'],
  unit: ['承办单位', '主办单位', '办理单位', '责任单位'],
  finishedAt: ['办结时间', '结案时间', '完成时间'],
  result: ['办理结果', '处理结果', '答复内容', '办理情况'],
  resolved: ['是否解决', '解决情况', '问题是否解决'],
  callback: ['回访结果', '回访满意度', '满意度', '评价结果'],
  response: ['响应情况', '响应结果', '是否响应', '响应'],
};

export const DEFAULT_PRESET_ID = 'default-12345';

/** The usual 12345 export columns, as the street's export gives them. */
export const DEFAULT_PRESET: MappingPreset = {
  id: DEFAULT_PRESET_ID,
  name: '12345 标准导出',
  mapping: Object.fromEntries(HOTLINE_FIELDS.map((f) => [f, HEADER_ALIASES[f][0]])) as ColumnMapping,
};

const normalise = (header: string) => header.replace(/[\s\u3000:：*＊]/g, '');

/**
 * Maps the file's headers to fields: first the preset's own columns where the file has them, then
 * known aliases for what is still unmapped. Each header is used once.
 */
export function autoMap(headers: readonly string[], preset: MappingPreset = DEFAULT_PRESET): ColumnMapping {
  const byNorm = new Map<string, string>();
  for (const h of headers) if (!byNorm.has(normalise(h))) byNorm.set(normalise(h), h);
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  const take = (field: HotlineField, candidate: string | undefined) => {
    if (candidate === undefined || mapping[field] !== undefined) return;
    const header = byNorm.get(normalise(candidate));
    if (header !== undefined && !used.has(header)) {
      mapping[field] = header;
      used.add(header);
    }
  };
  for (const field of HOTLINE_FIELDS) take(field, preset.mapping[field]);
  for (const field of HOTLINE_FIELDS) for (const alias of HEADER_ALIASES[field]) take(field, alias);
  return mapping;
}

/** What is wrong with a mapping before any row is read (Chinese, for the mapping step). */
export function mappingProblems(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  const present = new Set(headers);
  for (const field of REQUIRED_FIELDS) {
    if (!mapping[field]) problems.push(`请为“${HOTLINE_FIELD_LABELS[field]}”选择一列`);
  }
  if (!PLACE_FIELDS.some((f) => mapping[f]))
    problems.push('请至少为“所属社区”“所属小区”或“地址”选择一列，以便匹配地点');
  const seen = new Map<string, HotlineField>();
  for (const field of HOTLINE_FIELDS) {
    const header = mapping[field];
    if (!header) continue;
    if (!present.has(header)) problems.push(`文件中没有“${header}”列`);
    const other = seen.get(header);
    if (other) {
      problems.push(
        `“${header}”列同时对应了“${HOTLINE_FIELD_LABELS[other]}”和“${HOTLINE_FIELD_LABELS[field]}”`,
      );
    }
    seen.set(header, field);
  }
  return problems;
}
