/**
 * The rules a beneficiary list is checked against, each with its severity and the reason for it. `block` rows stop
 * the import (PRODUCT.md §2.4: an import is all-or-nothing); `review` rows go through with a question the 资助中心
 * answers before the list is approved.
 */

export type Severity = 'block' | 'review';

export const AID_CHECK_RULES = {
  // Coded or required cells that cannot be read: the row cannot be stored as written.
  unknown_program: { severity: 'block', label: '资助项目不存在' },
  name_missing: { severity: 'block', label: '姓名为空' },
  unknown_category: { severity: 'block', label: '资助对象类别不存在' },
  unknown_hardship_level: { severity: 'block', label: '困难等级不存在' },
  invalid_amount: { severity: 'block', label: '金额无效' },
  // The ID is the person's key for duplicates, exclusivity and distinct-person totals: a bad one defeats them all.
  invalid_id: { severity: 'block', label: '身份证号无效' },
  // The same payment twice is the overpayment audits look for first.
  duplicate_in_list: { severity: 'block', label: '名单内重复' },
  duplicate_stored: { severity: 'block', label: '与已导入名单重复' },
  // Two programs that pay for the same need (寄宿 / 非寄宿 生活补助, 普高 / 中职): one of the payments is wrong.
  exclusive_programs: { severity: 'block', label: '同时享受互斥项目' },
  // Outside the county directory, or closed: aid at a school with no students is the 虚报冒领 pattern.
  unknown_school: { severity: 'block', label: '学校不存在' },
  school_closed: { severity: 'block', label: '学校已撤销' },
  // The program cannot pay that 学段 or year at all (a 小学 pupil in 高中助学金).
  stage_mismatch: { severity: 'block', label: '学段不符' },
  grade_not_covered: { severity: 'block', label: '年级不在资助范围' },
  // Need-based programs pay only students found eligible (认定); an empty category leaves that unproven.
  category_missing: { severity: 'block', label: '缺少资助对象类别' },
  // Nothing to check the amount against; paying before a program starts, or without a configured local amount,
  // is an error to fix in the list or in the configuration.
  no_standard: { severity: 'block', label: '无资助标准' },
  // No policy pays more than its highest tier, nor a loan outside its limits.
  amount_above_standard: { severity: 'block', label: '金额高于标准' },
  amount_below_minimum: { severity: 'block', label: '金额低于下限' },
  // Less than the standard or between tiers happens legitimately (a student who transfers mid-term is paid pro
  // rata); the 资助中心 confirms.
  amount_not_standard: { severity: 'review', label: '金额与标准不符' },
  // The 年级 cell is free text: an unreadable one is a question, not an error.
  grade_unreadable: { severity: 'review', label: '年级无法识别' },
  // 九年一贯制 and 完全中学 make a grade outside the school's usual 学段 plausible.
  grade_school_mismatch: { severity: 'review', label: '年级与学校类型不符' },
  // Provinces widen the national category lists (防返贫监测对象 in the 2019 非寄宿生 list, for one).
  category_not_listed: { severity: 'review', label: '资助对象类别不在政策范围' },
  // A typo in one of the names, or an ID that belongs to someone else: a person must look.
  name_mismatch: { severity: 'review', label: '同一身份证号姓名不一致' },
} as const satisfies Record<string, { severity: Severity; label: string }>;
export type AidRuleId = keyof typeof AID_CHECK_RULES;

export interface AidFinding {
  row: number;
  /** Chinese header of the column at fault. */
  column: string;
  rule: AidRuleId;
  severity: Severity;
  /** Chinese, naming the value and the reason. */
  message: string;
}

/** Whether a list with these findings may be committed. */
export function hasBlockingFindings(findings: readonly AidFinding[]): boolean {
  return findings.some((finding) => finding.severity === 'block');
}
