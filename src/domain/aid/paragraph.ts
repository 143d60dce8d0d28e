/**
 * The 学生资助 paragraph of the annual summary, from totals, in the phrasing of seed 000 (（五）资助帮扶全面落实):
 * school-level aid in 人次 and 万元 with its breakdown by 学段, then loans, new-student travel aid and the nutrition
 * program each in a sentence of their own. Every figure is a part tagged with the fact it states.
 */
import { formatCount } from '../phrasing/count';
import { formatWan } from '../phrasing/money';
import type { AidTotal, AidTotals } from './totals';
import { EMPTY_AID_TOTAL } from './totals';
import type { AidProgram } from './types';

/** A piece of the paragraph; a figure keeps the key and value of the fact it states. */
export interface ParagraphPart {
  text: string;
  figure?: { key: string; value: number };
}

export interface AidParagraphOptions {
  programs: readonly AidProgram[];
  /** Whose schools: 全县 (default), 全市, 全区. */
  scope?: string;
  /**
   * Clauses the data cannot state, appended after a program's figures, by program id: seed 000's
   * { student_loan: '实现“应贷尽贷”' } needs the number of applicants, which the aid records do not hold.
   */
  remarks?: Readonly<Record<string, string>>;
}

interface Item {
  programId: string;
  lead: string;
  /** The word after the count when it counts distinct persons: 人, or 名 as in seed 000's 中职助学金584名. */
  noun?: string;
}

// The breakdown of seed 000, by 学段. `together` programs share one amount (寄宿生…、非寄宿生…，共189万余元).
const SECTIONS: readonly (
  | { kind: 'items'; items: readonly Item[] }
  | { kind: 'together'; lead: string; items: readonly Item[] }
)[] = [
  {
    kind: 'items',
    items: [
      { programId: 'preschool_aid', lead: '资助学前教育幼儿' },
      { programId: 'preschool_fee_waiver', lead: '免除学前教育保育教育费' },
    ],
  },
  {
    kind: 'together',
    lead: '义务教育阶段家庭经济困难',
    items: [
      { programId: 'boarding_subsidy', lead: '寄宿生' },
      { programId: 'non_boarding_subsidy', lead: '非寄宿生' },
    ],
  },
  {
    kind: 'items',
    items: [
      { programId: 'senior_grant', lead: '享受高中助学金' },
      { programId: 'senior_tuition_waiver', lead: '高中免学费' },
    ],
  },
  {
    kind: 'items',
    items: [
      { programId: 'vocational_tuition_waiver', lead: '职业学校免学费' },
      { programId: 'vocational_grant', lead: '发放中职助学金', noun: '名' },
    ],
  },
];

/** The paragraph as tagged parts. Empty when no aid was paid in the period. */
export function aidParagraphParts(totals: AidTotals, options: AidParagraphOptions): ParagraphPart[] {
  const parts: ParagraphPart[] = [];
  const text = (value: string) => parts.push({ text: value });
  const figure = (value: string, key: string, number: number) =>
    parts.push({ text: value, figure: { key, value: number } });
  const programTotal = (id: string): AidTotal => totals.byProgram[id] ?? EMPTY_AID_TOTAL;
  const has = (id: string) => programTotal(id).personTimes > 0;
  const remark = (id: string) => {
    const clause = options.remarks?.[id];
    if (clause) text(`，${clause}`);
  };
  const count = (id: string, noun = '人') => {
    const total = programTotal(id);
    // The seeds write 人 (or 名) for a program's students; that is only true when nobody is counted twice.
    if (total.persons === total.personTimes)
      figure(formatCount(total.persons, noun), `aid.program.${id}.persons`, total.persons);
    else figure(formatCount(total.personTimes, '人次'), `aid.program.${id}.person_times`, total.personTimes);
  };
  const money = (fen: number, key: string) => figure(formatWan(fen, 'auto'), key, fen);
  const item = ({ programId, lead, noun }: Item) => {
    text(lead);
    count(programId, noun);
    money(programTotal(programId).amountFen, `aid.program.${programId}.amount_fen`);
    remark(programId);
  };

  const schoolAid = totals.byGroup.school_aid;
  if (schoolAid.personTimes > 0) {
    text(`${options.scope ?? '全县'}各级各类学校受助学生`);
    figure(formatCount(schoolAid.personTimes, '人次'), 'aid.school_aid.person_times', schoolAid.personTimes);
    text('，资助金额');
    money(schoolAid.amountFen, 'aid.school_aid.amount_fen');
    text('。');
    const sections = [...SECTIONS, { kind: 'items' as const, items: localItems(options.programs) }];
    let first = true;
    for (const section of sections) {
      const present = section.items.filter((entry) => has(entry.programId));
      if (present.length === 0) continue;
      text(first ? '其中，' : '；');
      first = false;
      if (section.kind === 'items' || present.length === 1) {
        if (section.kind === 'together') text(section.lead);
        present.forEach((entry, index) => {
          if (index > 0) text('，');
          item(entry);
        });
        continue;
      }
      text(section.lead);
      present.forEach((entry, index) => {
        text(`${index > 0 ? '、' : ''}${entry.lead}`);
        count(entry.programId, entry.noun);
      });
      text('，共');
      const ids = present.map((entry) => entry.programId);
      const fen = ids.reduce((sum, id) => sum + programTotal(id).amountFen, 0);
      money(fen, `aid.programs.${ids.join('+')}.amount_fen`);
    }
    if (!first) text('。');
  }

  for (const program of options.programs) {
    if (program.reportGroup !== 'loan' && program.reportGroup !== 'freshman_travel') continue;
    if (!has(program.id)) continue;
    item({ programId: program.id, lead: program.reportPhrase ?? `发放${program.name}` });
    text('。');
  }

  const nutrition = totals.byGroup.nutrition;
  if (nutrition.personTimes > 0) {
    text('实施营养餐改善计划学校');
    figure(formatCount(nutrition.schools, '所'), 'aid.nutrition.schools', nutrition.schools);
    text('，受惠学生');
    figure(formatCount(nutrition.personTimes, '人次'), 'aid.nutrition.person_times', nutrition.personTimes);
    text('，下拨专项资金');
    money(nutrition.amountFen, 'aid.nutrition.amount_fen');
    text('。');
  }
  return parts;
}

/** The paragraph as text. */
export function aidParagraph(totals: AidTotals, options: AidParagraphOptions): string {
  return aidParagraphParts(totals, options)
    .map((part) => part.text)
    .join('');
}

// School-level programs without a place in seed 000's breakdown (a county's own) come last, in declaration order.
function localItems(programs: readonly AidProgram[]): Item[] {
  const placed = new Set(SECTIONS.flatMap((section) => section.items.map((entry) => entry.programId)));
  return programs
    .filter((program) => program.reportGroup === 'school_aid' && !placed.has(program.id))
    .map((program) => ({ programId: program.id, lead: program.reportPhrase ?? `发放${program.name}` }));
}
