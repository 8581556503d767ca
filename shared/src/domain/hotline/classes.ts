// The city's classification (一级/二级/三级分类) → the app's demand categories, through a table a
// person can edit and the device remembers. A class is looked up from its most specific level up
// (三级, then 二级, then 一级), so "城乡建设/房屋管理" covers every class below it unless a deeper
// entry says otherwise. A text guess is only the fallback for an order whose class nobody mapped,
// and is marked as a guess.
import type { DemandCategory } from '#shared/domain/vocab';
import { demandCategoryOf } from './values';

/** Class path ("城乡建设/房屋管理/电梯维修") → category. */
export type ClassMapping = Readonly<Record<string, DemandCategory>>;

/** The classes the 12345 exports of the street use most, as the street office files them. */
export const DEFAULT_CLASS_MAPPING: ClassMapping = {
  '城乡建设/物业管理': 'propertyService',
  '城乡建设/物业管理/物业服务': 'propertyService',
  '城乡建设/老旧小区综合整治': 'oldEstateRenovation',
  '城乡建设/房屋管理': 'housingRepair',
  '城乡建设/房屋管理/房屋维修': 'housingRepair',
  '城乡建设/房屋管理/电梯维修': 'housingRepair',
  '城乡建设/房屋管理/楼内线路老化': 'electricHeating',
  '城乡建设/市政设施/供暖供电': 'electricHeating',
  '城乡建设/供热': 'electricHeating',
  '城市管理/市容环境/环境卫生': 'sanitation',
  '城市管理/市容环境/垃圾分类': 'wasteSorting',
  '城市管理/交通秩序/停车管理': 'parking',
  '城市管理/安全隐患/电动自行车充电': 'evCharging',
  '城市管理/园林绿化': 'greening',
  '城市管理/公共设施': 'publicFacilities',
  '社会秩序/邻里纠纷': 'neighbourDispute',
  '民政服务/养老助残': 'elderlyDisabledCare',
  '公共安全/治安消防': 'safetyFire',
  '其他/政策咨询': 'other',
};

/** The class path of one order: its levels joined by '/', empty levels left out. */
export function classPath(...levels: readonly string[]): string {
  return levels
    .flatMap((l) => l.split(/[/／>＞\\]/))
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('/');
}

/** The mapped category of a class, from its most specific level up; undefined when none is mapped. */
export function mappedCategory(path: string, mapping: ClassMapping): DemandCategory | undefined {
  const levels = path.split('/');
  for (let n = levels.length; n > 0; n -= 1) {
    const found = mapping[levels.slice(0, n).join('/')];
    if (found) return found;
  }
  return undefined;
}

export interface CategoryChoice {
  readonly category: DemandCategory;
  /** From the words of the class, title and content, not from the mapping table. */
  readonly guessed: boolean;
}

/** The category of an order: the mapping table's, else a guess from the class and the text. */
export function categoryFor(
  path: string,
  mapping: ClassMapping,
  ...texts: readonly string[]
): CategoryChoice {
  const mapped = path === '' ? undefined : mappedCategory(path, mapping);
  if (mapped) return { category: mapped, guessed: false };
  // The deepest level says the most (楼内线路老化 rather than 房屋管理).
  const levels = path.split('/').reverse();
  return { category: demandCategoryOf(...levels, ...texts), guessed: true };
}

export interface UnmappedClass {
  readonly path: string;
  readonly rows: number;
  /** The guess shown until a person chooses. */
  readonly guess: DemandCategory;
}

/** The classes of a file the mapping does not cover, most frequent first, with a guess for each. */
export function unmappedClasses(paths: readonly string[], mapping: ClassMapping): UnmappedClass[] {
  const counts = new Map<string, number>();
  for (const path of paths) {
    if (path === '' || mappedCategory(path, mapping)) continue;
    counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))
    .map(([path, rows]) => ({ path, rows, guess: categoryFor(path, {}).category }));
}
