import { sql } from 'kysely';
import { AID_CHECK_RULES, type AidRuleId } from '../../domain/aid/check-rules';
import type { AidTotal } from '../../domain/aid/totals';
import { REPORT_GROUPS, type ReportGroup } from '../../domain/aid/types';
import { termsOfCalendarYear } from '../../domain/period';
import type { Fact, FactProvider } from '../../platform/facts/facts';
import { aidTotals } from './aid-totals';

const MEASURES = [
  { key: 'person_times', label: '人次', unit: '人次', of: (t: AidTotal) => t.personTimes },
  { key: 'persons', label: '人数', unit: '人', of: (t: AidTotal) => t.persons },
  { key: 'amount_fen', label: '金额', unit: '分', of: (t: AidTotal) => t.amountFen },
  { key: 'schools', label: '学校数', unit: '所', of: (t: AidTotal) => t.schools },
] as const;

const UNIT_OF_KEY: Record<string, string> = { person_times: '人次', persons: '人', amount_fen: '分', schools: '所' };

/**
 * Facts of 学生资助 for a calendar year (its 春季 and 秋季 学期), from paid batches with paid corrections folded in:
 * 人次, persons, amount (in fen: exact; phrasing turns it into 万元) and schools by report group and program; one fact
 * for every figure of the report paragraph, with the part's key as its id; the paragraph itself as parts
 * (`aid.paragraph`); and the review findings still open (`aid.checks.open`).
 */
export const aidFacts: FactProvider = {
  module: 'aid',
  async facts(db, { countyCode, countyName, year }) {
    const lists = await db.selectFrom('aid_list').select('id').where('county_code', '=', countyCode).limit(1).execute();
    if (!lists.length) return [];
    const result = await aidTotals(db, { level: 'county', countyCode }, countyCode, { kind: 'calendar_year', year });
    const base = {
      period: { kind: 'year' as const, year },
      scope: { level: 'county' as const, id: countyCode, name: countyName },
    };
    const facts = new Map<string, Fact>();
    const add = (fact: Omit<Fact, 'period' | 'scope'>) => {
      if (!facts.has(fact.id)) facts.set(fact.id, { ...base, ...fact });
    };
    const paid = `${year}年春季、秋季学期已发放批次的名单（含已发放的更正）`;

    for (const group of Object.keys(REPORT_GROUPS) as ReportGroup[])
      for (const measure of MEASURES)
        add({
          id: `aid.${group}.${measure.key}`,
          label: `${REPORT_GROUPS[group]}${measure.label}`,
          unit: measure.unit,
          value: measure.of(result.totals.byGroup[group]),
          formula: `${paid}中“${REPORT_GROUPS[group]}”各项目的${measure.key === 'persons' ? '不重复身份证号数' : measure.label}`,
          href: `/aid?tab=totals&year=${year}`,
        });
    for (const program of result.programs) {
      const total = result.totals.byProgram[program.id];
      for (const measure of MEASURES.slice(0, 3))
        add({
          id: `aid.program.${program.id}.${measure.key}`,
          label: `${program.name}${measure.label}`,
          unit: measure.unit,
          value: total ? measure.of(total) : 0,
          formula: `${paid}中“${program.name}”的${measure.key === 'persons' ? '不重复身份证号数' : measure.label}`,
          href: `/aid?tab=lists&program=${program.id}`,
        });
    }
    // Every figure the paragraph states is a fact of its own, under the part's key (sums of programs included).
    for (const part of result.parts) {
      if (!part.figure) continue;
      const measure = part.figure.key.split('.').at(-1)!;
      add({
        id: part.figure.key,
        label: `资助段落数字“${part.text}”`,
        unit: UNIT_OF_KEY[measure] ?? '',
        value: part.figure.value,
        formula: `${paid}，按报告口径计算`,
        href: `/aid?tab=totals&year=${year}`,
      });
    }
    add({
      id: 'aid.paragraph',
      label: '学生资助段落',
      unit: '',
      value: null,
      formula: '由当年已发放的资助名单按报告口径生成（学校资助、助学贷款、新生入学资助、营养改善计划分别成句）',
      href: `/aid?tab=totals&year=${year}`,
      detail: { parts: result.parts, text: result.paragraph },
    });

    const terms = termsOfCalendarYear(year).map((t) => `${t.year}-${t.season}`);
    const { rows } = await sql<{ rule: string; n: number }>`
      select f.rule, count(*)::int8 as n from aid_check_finding f join aid_list l on l.id = f.list_id
      where f.county_code = ${countyCode} and f.status = 'open' and l.term in (${sql.join(terms)})
      group by f.rule order by f.rule`.execute(db);
    add({
      id: 'aid.checks.open',
      label: '待核实的资助名单核查提示',
      unit: '条',
      value: rows.reduce((sum, r) => sum + Number(r.n), 0),
      formula: `${year}年各学期名单中尚未由资助中心核实确认的提示（金额与标准不符、类别不在政策范围等）`,
      href: `/aid?tab=lists&findings=open`,
      detail: {
        byRule: Object.fromEntries(
          rows.map((r) => [
            r.rule,
            { label: AID_CHECK_RULES[r.rule as AidRuleId]?.label ?? r.rule, count: Number(r.n) },
          ]),
        ),
      },
    });
    return [...facts.values()];
  },
};
