/** Coded attributes of a school (学校). Labels are the words used in templates, dropdowns and the UI. */

export const STAGES = {
  preschool: '学前',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中职',
  special: '特教',
} as const;
export type Stage = keyof typeof STAGES;

interface SchoolTypeInfo {
  label: string;
  fullLabel: string;
  stages: readonly Stage[];
  /** 学校标识码 category prefixes (AA) a school of this type may carry. */
  codePrefixes: readonly string[];
}

export const SCHOOL_TYPES = {
  kindergarten: { label: '幼儿园', fullLabel: '幼儿园', stages: ['preschool'], codePrefixes: ['11'] },
  primary: { label: '小学', fullLabel: '小学', stages: ['primary'], codePrefixes: ['21', '22'] },
  junior: { label: '初中', fullLabel: '初级中学', stages: ['junior'], codePrefixes: ['31', '32', '33'] },
  nine_year: { label: '九年一贯制', fullLabel: '九年一贯制学校', stages: ['primary', 'junior'], codePrefixes: ['31'] },
  complete_secondary: { label: '完全中学', fullLabel: '完全中学', stages: ['junior', 'senior'], codePrefixes: ['34'] },
  senior: { label: '高中', fullLabel: '普通高中', stages: ['senior'], codePrefixes: ['34', '35'] },
  vocational: { label: '中职', fullLabel: '中等职业学校', stages: ['vocational'], codePrefixes: ['36'] },
  special: { label: '特教', fullLabel: '特殊教育学校', stages: ['special'], codePrefixes: ['51'] },
  teaching_point: { label: '教学点', fullLabel: '教学点', stages: ['primary'], codePrefixes: ['21'] },
} as const satisfies Record<string, SchoolTypeInfo>;
export type SchoolType = keyof typeof SCHOOL_TYPES;

export const OWNERSHIPS = { public: '公办', private: '民办', inclusive_private: '普惠性民办' } as const;
export type Ownership = keyof typeof OWNERSHIPS;

export const URBAN_RURAL = { urban: '城区', town: '镇区', rural: '乡村' } as const;
export type UrbanRural = keyof typeof URBAN_RURAL;

export const SCHOOL_STATUSES = { open: '正常办学', closed: '已撤销', merged: '已撤并' } as const;
export type SchoolStatus = keyof typeof SCHOOL_STATUSES;

/** Finds the key of a coded value from its Chinese label (or the key itself). */
export function codeFromLabel<T extends Record<string, string | { label: string }>>(
  table: T,
  input: string,
): keyof T | undefined {
  const text = input.trim();
  for (const [key, value] of Object.entries(table)) {
    const label = typeof value === 'string' ? value : value.label;
    if (text === label || text === key) return key as keyof T;
    if (typeof value !== 'string' && 'fullLabel' in value && text === value.fullLabel) return key as keyof T;
  }
  return undefined;
}

export function labelsOf(table: Record<string, string | { label: string }>): string[] {
  return Object.values(table).map((v) => (typeof v === 'string' ? v : v.label));
}

/** Rules that tie a school's type, ownership and codes together; each problem is a Chinese sentence. */
export function schoolConsistencyProblems(school: {
  type: SchoolType;
  ownership: Ownership;
  code: string;
  creditCode?: string | null;
  parentSchoolCode?: string | null;
}): { field: 'code' | 'ownership' | 'creditCode' | 'parentSchoolCode'; message: string }[] {
  const problems: { field: 'code' | 'ownership' | 'creditCode' | 'parentSchoolCode'; message: string }[] = [];
  const info: SchoolTypeInfo = SCHOOL_TYPES[school.type];
  const prefix = school.code.slice(0, 2);
  if (!info.codePrefixes.includes(prefix)) {
    problems.push({
      field: 'code',
      message: `学校类型为“${info.label}”的学校标识码应以${info.codePrefixes.join('或')}开头，实际为${prefix}`,
    });
  }
  if (school.ownership === 'inclusive_private' && school.type !== 'kindergarten') {
    problems.push({ field: 'ownership', message: '“普惠性民办”只适用于幼儿园' });
  }
  if (school.creditCode) {
    const category = school.creditCode.slice(0, 2);
    const publicOk = ['11', '12'].includes(category);
    if (school.ownership === 'public' && !publicOk) {
      problems.push({
        field: 'creditCode',
        message: `公办学校的统一社会信用代码应以12（事业单位）开头，实际为${category}`,
      });
    }
    if (school.ownership !== 'public' && publicOk) {
      problems.push({
        field: 'creditCode',
        message: `民办学校的统一社会信用代码不应以${category}（机关、事业单位）开头`,
      });
    }
  }
  if (school.type === 'teaching_point' && !school.parentSchoolCode) {
    problems.push({ field: 'parentSchoolCode', message: '教学点须填写所属学校的学校标识码' });
  }
  if (school.type !== 'teaching_point' && school.parentSchoolCode) {
    problems.push({ field: 'parentSchoolCode', message: '只有教学点可以填写所属学校' });
  }
  return problems;
}
