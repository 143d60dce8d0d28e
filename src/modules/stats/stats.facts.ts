import { sql } from 'kysely';
import { INDICATORS, STAGE_LABELS, type StageKey } from '../../domain/indicators/definitions';
import { STAGES } from '../../domain/org/school-types';
import type { Fact, FactProvider } from '../../platform/facts/facts';
import { readSnapshot, scopeNames } from './indicators/read-indicators';
import { statisticsDate } from './stat-context';

/**
 * Facts of the 基表 and the indicator engine for a 学年: enrolment and staff totals by 学段, every county-level
 * indicator (with its threshold), and the schools behind the problems a report names (大班额, 优质均衡 not met).
 */
export const statsFacts: FactProvider = {
  module: 'stats',
  async facts(db, { countyCode, countyName, year }) {
    const date = statisticsDate(year);
    const scope = { level: 'county' as const, id: countyCode, name: countyName };
    const period = { kind: 'school_year' as const, schoolYear: year };
    const facts: Fact[] = [];

    const { rows } = await sql<{ stage: string; students: number; full_time: number; staff: number; schools: number }>`
      select s.stage, sum(s.students)::int8 as students, sum(s.full_time_teachers)::int8 as full_time,
        sum(s.staff)::int8 as staff, count(distinct s.school_id)::int8 as schools
      from school_stat s
      join school_version v on v.school_id = s.school_id and v.status = 'open' and v.valid_from <= ${date}
        and (v.valid_to is null or v.valid_to > ${date})
      where s.county_code = ${countyCode} and s.school_year = ${year}
      group by s.stage`.execute(db);
    if (rows.length) {
      const sum = (key: 'students' | 'full_time' | 'staff') => rows.reduce((t, r) => t + Number(r[key]), 0);
      const href = `/stats?year=${year}`;
      facts.push(
        {
          id: 'stats.students.total',
          label: '在校生（在园幼儿）总数',
          unit: '人',
          value: sum('students'),
          period,
          scope,
          href,
          formula: `${date}各学校基表在校生数之和`,
        },
        {
          id: 'stats.teachers.full_time',
          label: '专任教师数',
          unit: '人',
          value: sum('full_time'),
          period,
          scope,
          href,
          formula: `${date}各学校基表专任教师数之和（有名册的学校按名册计）`,
        },
        {
          id: 'stats.teachers.staff',
          label: '教职工数',
          unit: '人',
          value: sum('staff'),
          period,
          scope,
          href,
          formula: `${date}各学校基表教职工数之和（有名册的学校按名册计）`,
        },
      );
      for (const stage of Object.keys(STAGES)) {
        const row = rows.find((r) => r.stage === stage);
        facts.push({
          id: `stats.students.${stage}`,
          label: `${STAGES[stage as keyof typeof STAGES]}在校生数`,
          unit: '人',
          value: row ? Number(row.students) : 0,
          period,
          scope,
          href: `/stats?year=${year}&stage=${stage}`,
          formula: `${date}各学校${STAGES[stage as keyof typeof STAGES]}学段在校生数之和`,
        });
      }
    }

    const records = await readSnapshot(db, { level: 'county', countyCode }, countyCode, year);
    if (!records.length) return facts;
    const name = await scopeNames(db, countyCode);
    for (const record of records.filter((r) => r.level === 'county')) {
      for (const definition of INDICATORS) {
        const value = record.values[definition.id];
        if (!value) continue;
        facts.push({
          id: `indicators.${definition.id}.${record.stage}`,
          label:
            record.stage === 'compulsory' || definition.stages.length === 1
              ? definition.name
              : `${STAGE_LABELS[record.stage]}${definition.name}`,
          unit: definition.unit,
          value: value.v,
          period,
          scope,
          href: `/indicators?year=${year}&explain=${definition.id}&stage=${record.stage}`,
          formula: definition.formula,
          ...(value.t !== undefined && value.v !== null
            ? { threshold: { value: value.t, pass: value.s === 'pass', direction: definition.direction } }
            : {}),
          detail: {
            numerator: value.n ?? null,
            denominator: value.d ?? null,
            rate: definition.rate,
            decimals: definition.decimals,
            ...(value.x ?? {}),
          },
        });
      }
    }
    // The schools behind the problems: 56人以上大班额 and 优质均衡 per-school rule not met.
    const schoolRows = records.filter((r) => r.level === 'school');
    const named = (stage: StageKey, test: (values: (typeof schoolRows)[number]['values']) => boolean) =>
      schoolRows.filter((r) => r.stage === stage && test(r.values)).map((r) => name('school', r.scopeId));
    const largeClassSchools = named(
      'compulsory',
      (v) => (v.large_class_count?.v ?? 0) + (v.super_large_class_count?.v ?? 0) > 0,
    );
    facts.push({
      id: 'indicators.large_class_schools.compulsory',
      label: '有56人以上大班额的义务教育学校数',
      unit: '所',
      value: largeClassSchools.length,
      period,
      scope,
      href: `/indicators?year=${year}&explain=large_class_count&stage=compulsory`,
      formula: '义务教育阶段有56人以上班级的学校数',
      detail: { schools: largeClassSchools },
    });
    for (const stage of ['primary', 'junior'] as const) {
      const failing = named(stage, (v) => v.quality_school_met?.s === 'fail');
      facts.push({
        id: `indicators.quality_failing_schools.${stage}`,
        label: `${STAGE_LABELS[stage]}资源配置未达优质均衡要求的学校数`,
        unit: '所',
        value: failing.length,
        period,
        scope,
        href: `/balance?year=${year}&stage=${stage}`,
        formula: '7项资源配置指标中达标少于6项、或有1项未达标且低于标准85%的学校数',
        detail: { schools: failing },
      });
    }
    return facts;
  },
};
