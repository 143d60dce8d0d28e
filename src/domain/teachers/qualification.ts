import { EDUCATION_LEVELS, type EducationLevel, type TeacherStage } from './vocab';

/**
 * The lowest education that counts as 高于规定学历 for each 学段: one step above the qualification the 教师法
 * (第十一条) prescribes. 教师法 prescribes 中师/幼师 (中专) for 幼儿园 and 小学, 大专 for 初中, 本科 for 高中 and for
 * 中职 文化课/专业课 teachers; so 高于规定学历 is 专科及以上 for 学前 and 小学, 本科及以上 for 初中, 研究生 for 高中
 * and 中职. This is the reading of the 优质均衡 indicator L1 in standards.md §1.1, marked [unverified] there (one
 * summary site uses 本科 for 小学): provinces may differ, so it is a parameter. 特教 is not named in 教师法; it
 * follows 小学 here (an assumption).
 */
export const DEFAULT_ABOVE_QUALIFIED_MINIMUM: Readonly<Record<TeacherStage, EducationLevel>> = {
  preschool: 'associate',
  primary: 'associate',
  junior: 'bachelor',
  senior: 'master',
  vocational: 'master',
  special: 'associate',
};

/** Whether `education` is 高于规定学历 for a teacher of `stage` (the numerator of 优质均衡 L1 and 基本均衡 b7). */
export function isAboveQualified(
  education: EducationLevel,
  stage: TeacherStage,
  minimum: Readonly<Record<TeacherStage, EducationLevel>> = DEFAULT_ABOVE_QUALIFIED_MINIMUM,
): boolean {
  return EDUCATION_LEVELS[education].rank >= EDUCATION_LEVELS[minimum[stage]].rank;
}
