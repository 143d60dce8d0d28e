/**
 * Reads the 年级 cell of a beneficiary list into a 学段 and the year within it. Schools write grades their own way
 * (三年级, 初一, 七年级, 高二, 大班, 大一); a bare "一年级" is read in the school's own 学段, so 一年级 at a 中职
 * is a 中职 first-year student.
 */
import type { AidStage } from './types';

export interface GradeInfo {
  stage: AidStage;
  /** Year within the 学段: 小班 1 … 大班 3, 一年级 1 … 六年级 6, 初一 1, 高三 3, 大一 1; 0 when not stated. */
  year: number;
}

const NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const PRESCHOOL: Record<string, number> = { 托班: 0, 小小班: 0, 小班: 1, 中班: 2, 大班: 3 };

/**
 * The 学段 and year of a 年级 cell, or undefined when it cannot be read. `schoolStages` are the 学段 the school
 * teaches, used for a bare "N年级".
 */
export function parseGrade(cell: string, schoolStages: readonly AidStage[] = []): GradeInfo | undefined {
  const text = cell.trim().replace(/\s+/g, '');
  if (text === '') return undefined;
  if (text in PRESCHOOL) return { stage: 'preschool', year: PRESCHOOL[text] };

  const prefixed = /^(初中|初|高中|高|中职|职高|中专|大学|大|本科|专科|高职)([一二三四五六七八九\d])(年级)?$/.exec(
    text,
  );
  if (prefixed) {
    const year = yearNumber(prefixed[2]);
    const stage = PREFIX_STAGES[prefixed[1]];
    if (year === undefined || year > MAX_YEARS[stage]) return undefined;
    return { stage, year };
  }
  if (/^(研究生|硕士|博士)/.test(text) || /^(本科|专科|高职|大学)?新生$/.test(text) || /^(本科|专科)$/.test(text)) {
    return { stage: 'university', year: text.endsWith('新生') ? 1 : 0 };
  }

  const bare = /^([一二三四五六七八九\d])年级$/.exec(text);
  if (!bare) return undefined;
  const year = yearNumber(bare[1]);
  if (year === undefined) return undefined;
  // 七、八、九年级 are 初中 wherever they are taught.
  if (year >= 7) return { stage: 'junior', year: year - 6 };
  const own = schoolStages.filter((stage) => stage !== 'preschool' && stage !== 'university');
  if (own.length === 0 || own.includes('primary')) return year <= 6 ? { stage: 'primary', year } : undefined;
  // A secondary school numbers grades within its 学段: 一年级 at a 中职 is a 中职 first-year student.
  if (own.length === 1) return year <= MAX_YEARS[own[0]] ? { stage: own[0], year } : undefined;
  // 一年级 at a 完全中学 could be 初一 or 高一.
  return undefined;
}

const PREFIX_STAGES: Record<string, AidStage> = {
  初中: 'junior',
  初: 'junior',
  高中: 'senior',
  高: 'senior',
  中职: 'vocational',
  职高: 'vocational',
  中专: 'vocational',
  大学: 'university',
  大: 'university',
  本科: 'university',
  专科: 'university',
  高职: 'university',
};

const MAX_YEARS: Record<AidStage, number> = {
  preschool: 3,
  primary: 6,
  junior: 3,
  senior: 3,
  vocational: 3,
  university: 5,
};

function yearNumber(text: string): number | undefined {
  const year = NUMBERS[text] ?? Number(text);
  return Number.isInteger(year) && year >= 1 ? year : undefined;
}
