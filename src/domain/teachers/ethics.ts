/**
 * 师德考核 一票否决. 教师〔2013〕10号《关于建立健全中小学师德建设长效机制的意见》: a teacher whose 师德考核 is 不合格
 * is vetoed in 职务（职称）评审、岗位聘用、评优奖励; the seeds apply it the same way ("实行师德'一票否决制'";
 * "在年度考核、职称评聘、岗位晋升、评优评先等方面实行'一票否决'").
 *
 * Year rule. A result belongs to its 考核年度, which is a calendar year: 师德考核 is part of the 年度考核 of
 * 事业单位工作人员, held "每年年末或者翌年年初" for the calendar year (《事业单位工作人员考核规定》, 2023). A 不合格
 * result for 考核年度 Y vetoes every action whose own year is Y + offset for each offset in `blockedYearOffsets`
 * (default [0]: that year only). An action's year is:
 * - title promotion: its 评审年度 (`reviewYear`), or the calendar year of its effective date;
 * - 聘任 to a higher level: the calendar year of its effective date;
 * - 骨干 recognition and honours: the year they carry (`year`: the 评选年度, e.g. 2025年教师节表彰 is 2025).
 * A province that lets the year-end result also bar the next year's round configures [0, 1].
 */
import { ETHICS_RESULTS, type EthicsResult } from './vocab';

export type VetoedAction = 'title_promotion' | 'appointment' | 'backbone' | 'honor';

const ACTION_LABELS: Record<VetoedAction, string> = {
  title_promotion: '晋升职称',
  appointment: '晋升聘任等级',
  backbone: '认定骨干教师',
  honor: '评优评先',
};

export interface EthicsPolicy {
  /** An action of year A is vetoed by a 不合格 result of 考核年度 A − offset, for each offset. */
  blockedYearOffsets: readonly number[];
}

export const DEFAULT_ETHICS_POLICY: EthicsPolicy = { blockedYearOffsets: [0] };

/** 师德考核 results of one teacher, by 考核年度. */
export type EthicsRecord = Readonly<Record<number, EthicsResult>>;

/**
 * The Chinese reason an action of `actionYear` is vetoed, or null when no 不合格 result blocks it.
 *
 * @example ethicsVeto({ 2024: 'unqualified' }, 'title_promotion', 2024)
 *   // '2024年度师德考核不合格，实行一票否决：2024年不得晋升职称'
 */
export function ethicsVeto(
  results: EthicsRecord,
  action: VetoedAction,
  actionYear: number,
  policy: EthicsPolicy = DEFAULT_ETHICS_POLICY,
): string | null {
  for (const offset of policy.blockedYearOffsets) {
    const year = actionYear - offset;
    if (results[year] === 'unqualified') {
      return `${year}年度师德考核${ETHICS_RESULTS.unqualified}，实行一票否决：${actionYear}年不得${ACTION_LABELS[action]}`;
    }
  }
  return null;
}

/** An action that a 师德考核 result can veto, as recorded on the roster. */
export interface VetoableAction {
  action: VetoedAction;
  year: number;
  effective: string;
}

/**
 * Actions recorded before a 不合格 result of their year arrived (a promotion in June, the year-end 考核 in
 * December). The result itself is a fact and is never refused; these are listed so the 人事股 can revoke them.
 */
export function ethicsConflicts(
  results: EthicsRecord,
  actions: readonly VetoableAction[],
  policy: EthicsPolicy = DEFAULT_ETHICS_POLICY,
): string[] {
  const messages: string[] = [];
  for (const item of actions) {
    const reason = ethicsVeto(results, item.action, item.year, policy);
    if (reason) messages.push(`${item.effective}的${ACTION_LABELS[item.action]}与师德考核结果冲突（${reason}）`);
  }
  return messages;
}
