/**
 * 资助对象类别 (standards.md §3): a code table, since a student may hold several (a 脱贫家庭 child who is also
 * 残疾). Labels are what templates, dropdowns and 公示 use; aliases are the older or longer names schools type.
 */

export const AID_CATEGORIES = {
  poverty_alleviated: { label: '脱贫家庭', aliases: ['脱贫家庭学生', '建档立卡', '原建档立卡', '建档立卡贫困户'] },
  monitored: {
    label: '防返贫监测对象',
    aliases: ['脱贫不稳定户', '脱贫不稳定家庭', '边缘易致贫户', '突发严重困难户', '监测户', '监测对象'],
  },
  minimum_living: { label: '低保', aliases: ['低保家庭', '城乡低保', '农村低保', '城市低保', '最低生活保障家庭'] },
  destitute: { label: '特困供养', aliases: ['特困', '特困救助供养', '城乡特困', '农村特困供养', '特困供养人员'] },
  orphan: { label: '孤儿', aliases: [] },
  de_facto_orphan: { label: '事实无人抚养', aliases: ['事实无人抚养儿童'] },
  disabled: { label: '残疾', aliases: ['残疾学生', '残疾儿童', '残疾人家庭子女', '残疾家庭'] },
  martyr_child: { label: '烈士子女', aliases: [] },
  other_hardship: { label: '其他家庭经济困难', aliases: ['家庭经济困难', '其他'] },
} as const satisfies Record<string, { label: string; aliases: readonly string[] }>;
export type AidCategory = keyof typeof AID_CATEGORIES;

/** 认定 grades of 家庭经济困难 (教财〔2018〕16号 [unverified number in standards.md]). */
export const HARDSHIP_LEVELS = {
  special: '特别困难',
  hardship: '困难',
  general: '一般困难',
} as const;
export type HardshipLevel = keyof typeof HARDSHIP_LEVELS;

export function isAidCategory(code: string): code is AidCategory {
  return Object.hasOwn(AID_CATEGORIES, code);
}

export function isHardshipLevel(code: string): code is HardshipLevel {
  return Object.hasOwn(HARDSHIP_LEVELS, code);
}

/** The category for a label, an alias or a code: '建档立卡' → 'poverty_alleviated'. */
export function categoryFromText(text: string): AidCategory | undefined {
  const value = text.trim();
  if (isAidCategory(value)) return value;
  for (const [code, info] of Object.entries(AID_CATEGORIES)) {
    if (info.label === value || (info.aliases as readonly string[]).includes(value)) return code as AidCategory;
  }
  return undefined;
}

/**
 * Reads a 资助对象类别 cell that may hold several categories: '脱贫家庭、残疾' → ['poverty_alleviated', 'disabled'].
 * Unknown words are returned separately so the import can name them.
 */
export function parseCategories(cell: string): { categories: AidCategory[]; unknown: string[] } {
  const categories: AidCategory[] = [];
  const unknown: string[] = [];
  for (const part of cell.split(/[、,，;；/／\s]+/)) {
    if (part === '') continue;
    const code = categoryFromText(part);
    if (code === undefined) unknown.push(part);
    else if (!categories.includes(code)) categories.push(code);
  }
  return { categories, unknown };
}

/** '脱贫家庭、残疾'. */
export function categoryLabels(codes: readonly AidCategory[]): string {
  return codes.map((code) => AID_CATEGORIES[code].label).join('、');
}

/** The hardship level for a label or a code: '特别困难' → 'special'. */
export function hardshipLevelFromText(text: string): HardshipLevel | undefined {
  const value = text.trim();
  if (isHardshipLevel(value)) return value;
  for (const [code, label] of Object.entries(HARDSHIP_LEVELS)) if (label === value) return code as HardshipLevel;
  return undefined;
}
