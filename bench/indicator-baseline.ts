import { type Kysely, sql } from 'kysely';
import type { DB } from '../src/db/schema';

/**
 * The hand-written baseline of the indicator benchmark: one INSERT … SELECT computing, for every open school, township
 * and county of the given 学年, every value the engine stores, into a wide table (one column per indicator). It is
 * written for the policy the benchmark province uses (national thresholds, the 2014 编制标准, private schools in the
 * 均衡 calculation, no 教学点 folding), which is what makes it short; the engine reads all of that from configuration.
 * Arithmetic follows the engine's order ((n / d) × factor, float8) so both can be compared value by value.
 */
export const BASELINE_COLUMNS = [
  'staff_shortage',
  'student_teacher_ratio',
  'student_staff_ratio',
  'large_class_count',
  'super_large_class_count',
  'large_class_share',
  'average_class_size',
  'kindergarten_child_teacher_ratio',
  'inclusive_coverage',
  'public_kindergarten_share',
  'preschool_ger',
  'junior_ger',
  'senior_ger',
  'consolidation_rate',
  'disabled_enrollment',
  ...[1, 2, 3, 4, 5, 6, 7].map((i) => `quality_l${i}`),
  'quality_school_met',
  'quality_school_pass_share',
  ...[1, 2, 3, 4, 5, 6, 7].map((i) => `quality_cv_l${i}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `basic_b${i}`),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `basic_cv_b${i}`),
  'basic_composite_cv',
] as const;

export async function createBaselineTable(db: Kysely<DB>): Promise<void> {
  await sql
    .raw(`create table bench_baseline (
      level text not null, county_code char(6) not null, school_year integer not null, scope_id text not null, stage text not null,
      ${BASELINE_COLUMNS.map((c) => `${c} float8`).join(', ')},
      primary key (county_code, school_year, level, scope_id, stage))`)
    .execute(db);
}

const q = [1, 2, 3, 4, 5, 6, 7];
const b = [1, 2, 3, 4, 5, 6, 7, 8];
const list = (items: number[], f: (i: number) => string) => items.map(f).join(', ');
/** Every baseline column in order, from the expressions given; the rest are null. */
const select = (expressions: Record<string, string>) =>
  BASELINE_COLUMNS.map((c) => `(${expressions[c] ?? 'null'})::float8`).join(', ');

/** Replaces the baseline rows of the given years with freshly computed ones. */
export async function runBaseline(db: Kysely<DB>, years: readonly number[]): Promise<void> {
  const yearList = years.map(Number).join(', ');
  await sql.raw(`delete from bench_baseline where school_year in (${yearList})`).execute(db);
  await sql
    .raw(`insert into bench_baseline (level, county_code, school_year, scope_id, stage, ${BASELINE_COLUMNS.join(', ')})
with std(stage, ratio, t1, t2, t3, t4, t5, t6, t7) as (values
  ('primary', 19::float8, 4.2::float8, 1::float8, 0.9::float8, 4.5::float8, 7.5::float8, 2000::float8, 2.3::float8),
  ('junior', 13.5, 5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4),
  ('senior', 12.5, null, null, null, null, null, null, null)
), r as (
  select s.county_code, s.school_year, s.school_id, s.stage, v.township_id, v.ownership, s.inclusive, s.grades,
    s.students::float8 as p, s.classes::float8 as classes, s.full_time_teachers::float8 as ftt, s.staff::float8 as staff,
    s.large_classes::float8 as lc, s.super_large_classes::float8 as slc, s.above_qualified::float8 as aq,
    s.backbone::float8 as bb, (s.pe_teachers + s.music_teachers + s.art_teachers)::float8 as ape, s.mid_title::float8 as mt,
    s.teaching_area::float8 as ta, s.sports_area::float8 as sa, s.equipment_value::float8 * 10000 as eq,
    s.multimedia_rooms::float8 as mm, s.books::float8 as bk, s.computers::float8 as pc,
    greatest(0, ceil(s.students / std.ratio - 1e-9) - s.staff) as shortage,
    s.stage in ('primary', 'junior') and v.type not in ('special', 'vocational') and s.students > 0 as unit
  from school_stat s
  join school_version v on v.school_id = s.school_id and v.status = 'open'
    and v.valid_from <= make_date(s.school_year, 9, 30) and (v.valid_to is null or v.valid_to > make_date(s.school_year, 9, 30))
  left join std on std.stage = s.stage
  where s.school_year in (${yearList})
), u as (
  select r.*, std.t1, std.t2, std.t3, std.t4, std.t5, std.t6, std.t7,
    aq / p * 100 as l1, bb / p * 100 as l2, ape / p * 100 as l3, ta / p as l4, sa / p as l5, eq / p as l6, mm / p * 100 as l7,
    ta / p as b1, sa / p as b2, eq / p as b3, pc / p * 100 as b4, bk / p as b5, ftt / p as b6, aq / p as b7, mt / p as b8
  from r join std using (stage) where unit
), judged as (
  select u.*,
    (l1 >= t1)::int + (l2 >= t2)::int + (l3 >= t3)::int + (l4 >= t4)::int + (l5 >= t5)::int + (l6 >= t6)::int + (l7 >= t7)::int as met,
    (l1 >= 0.85 * t1 and l2 >= 0.85 * t2 and l3 >= 0.85 * t3 and l4 >= 0.85 * t4 and l5 >= 0.85 * t5 and l6 >= 0.85 * t6 and l7 >= 0.85 * t7) as near
  from u
), schools as (
  select 'school' as level, r.county_code, r.school_year, r.school_id::text as scope_id, r.stage,
    ${select({
      staff_shortage: 'r.shortage',
      student_teacher_ratio: 'r.p / nullif(r.ftt, 0)',
      student_staff_ratio: 'r.p / nullif(r.staff, 0)',
      large_class_count: 'r.lc',
      super_large_class_count: 'r.slc',
      large_class_share: '(r.lc + r.slc) / nullif(r.classes, 0) * 100',
      average_class_size: 'r.p / nullif(r.classes, 0)',
      ...Object.fromEntries(q.map((i) => [`quality_l${i}`, `j.l${i}`])),
      quality_school_met: 'j.met',
      ...Object.fromEntries(b.map((i) => [`basic_b${i}`, `j.b${i}`])),
    })}
  from r left join judged j using (county_code, school_year, school_id, stage)
  where r.stage in ('primary', 'junior', 'senior')
  union all
  select 'school', county_code, school_year, school_id::text, 'preschool', ${select({ kindergarten_child_teacher_ratio: 'p / nullif(ftt, 0)' })}
  from r where stage = 'preschool'
  union all
  select 'school', county_code, school_year, school_id::text, 'compulsory',
    ${select({ large_class_count: 'sum(lc)', super_large_class_count: 'sum(slc)', large_class_share: '(sum(lc) + sum(slc)) / nullif(sum(classes), 0) * 100' })}
  from r where stage in ('primary', 'junior') group by county_code, school_year, school_id
), rs as (
  -- each row once under its own 学段, and 小学 and 初中 rows once more as the 义务教育 total
  select county_code, school_year, township_id, stage, ownership, inclusive, shortage, p, ftt, staff, lc, slc, classes from r
  union all
  select county_code, school_year, township_id, 'compulsory', ownership, inclusive, null, p, ftt, staff, lc, slc, classes
  from r where stage in ('primary', 'junior')
), area_stages as (
  select case when grouping(township_id) = 1 then 'county' else 'township' end as level, county_code, school_year,
    case when grouping(township_id) = 1 then county_code::text else township_id::text end as scope_id, stage,
    sum(shortage) as shortage, sum(p) as p, sum(ftt) as ftt, sum(staff) as staff, sum(lc) as lc, sum(slc) as slc, sum(classes) as classes,
    sum(p) filter (where ownership = 'public' or inclusive) as inclusive_p, sum(p) filter (where ownership = 'public') as public_p
  from rs where stage in ('preschool', 'primary', 'junior', 'senior', 'compulsory')
  group by grouping sets ((county_code, school_year, stage, township_id), (county_code, school_year, stage))
), balance as (
  select case when grouping(township_id) = 1 then 'county' else 'township' end as level, county_code, school_year,
    case when grouping(township_id) = 1 then county_code::text else township_id::text end as scope_id, stage,
    ${list(q, (i) => `sum(${['aq', 'bb', 'ape', 'ta', 'sa', 'eq', 'mm'][i - 1]}) / sum(p) * ${[100, 100, 100, 1, 1, 1, 100][i - 1]} as l${i}`)},
    count(*) filter (where met = 7 or (met = 6 and near))::float8 / count(*) * 100 as pass_share
  from judged
  group by grouping sets ((county_code, school_year, stage, township_id), (county_code, school_year, stage))
), means as (
  select county_code, school_year, stage, sum(p) as total, ${list(q, (i) => `sum(p * l${i}) / sum(p) as m${i}`)}, ${list(b, (i) => `sum(p * b${i}) / sum(p) as mb${i}`)}
  from judged group by county_code, school_year, stage
), cvs as (
  select county_code, school_year, stage,
    ${list(q, (i) => `sqrt(sum(p / total * (l${i} - m${i}) ^ 2)) / nullif(m${i}, 0) as cv${i}`)},
    ${list(b, (i) => `sqrt(sum(p / total * (b${i} - mb${i}) ^ 2)) / nullif(mb${i}, 0) as cvb${i}`)}
  from judged join means using (county_code, school_year, stage) group by county_code, school_year, stage, total, ${list(q, (i) => `m${i}`)}, ${list(b, (i) => `mb${i}`)}
), rates as (
  select s.county_code, s.school_year,
    sum(s.students) filter (where s.stage = 'preschool')::float8 / nullif(min(pop.p35), 0) * 100 as preschool_ger,
    sum(s.students) filter (where s.stage = 'junior')::float8 / nullif(min(pop.p1214), 0) * 100 as junior_ger,
    sum(s.students) filter (where s.stage in ('senior', 'vocational'))::float8 / nullif(min(pop.p1517), 0) * 100 as senior_ger,
    case when bool_and(s.grades ? '9') filter (where s.stage = 'junior') then
      (sum((s.grades ->> '9')::int) filter (where s.stage = 'junior'))::float8 / min(c.base) * 100 end as consolidation_rate,
    min(pop.enrolled)::float8 / nullif(min(pop.disabled), 0) * 100 as disabled_enrollment
  from (select r.county_code, r.school_year, r.stage, r.p as students, r.grades from r) s
  join (
    select county_code, year, sum(population) filter (where age between 3 and 5) as p35,
      sum(population) filter (where age between 12 and 14) as p1214, sum(population) filter (where age between 15 and 17) as p1517,
      sum(disabled) filter (where age between 6 and 15) as disabled,
      sum(enrolled_special + enrolled_regular + enrolled_home) filter (where age between 6 and 15) as enrolled
    from population where year in (${yearList}) group by county_code, year
  ) pop on pop.county_code = s.county_code and pop.year = s.school_year
  left join cohort_base c on c.county_code = s.county_code and c.school_year = s.school_year
  group by s.county_code, s.school_year
)
select * from schools
union all
select a.level, a.county_code, a.school_year, a.scope_id, a.stage, ${select({
      staff_shortage: `case when a.stage in ('primary', 'junior', 'senior') then a.shortage end`,
      student_teacher_ratio: `case when a.stage in ('primary', 'junior', 'senior') then a.p / nullif(a.ftt, 0) end`,
      student_staff_ratio: `case when a.stage in ('primary', 'junior', 'senior') then a.p / nullif(a.staff, 0) end`,
      large_class_count: `case when a.stage <> 'preschool' then a.lc end`,
      super_large_class_count: `case when a.stage <> 'preschool' then a.slc end`,
      large_class_share: `case when a.stage <> 'preschool' then (a.lc + a.slc) / nullif(a.classes, 0) * 100 end`,
      average_class_size: `case when a.stage in ('primary', 'junior', 'senior') then a.p / nullif(a.classes, 0) end`,
      kindergarten_child_teacher_ratio: `case when a.stage = 'preschool' then a.p / nullif(a.ftt, 0) end`,
      inclusive_coverage: `case when a.stage = 'preschool' then coalesce(a.inclusive_p, 0) / nullif(a.p, 0) * 100 end`,
      public_kindergarten_share: `case when a.stage = 'preschool' then coalesce(a.public_p, 0) / nullif(a.p, 0) * 100 end`,
      preschool_ger: `case when a.level = 'county' and a.stage = 'preschool' then t.preschool_ger end`,
      junior_ger: `case when a.level = 'county' and a.stage = 'junior' then t.junior_ger end`,
      senior_ger: `case when a.level = 'county' and a.stage = 'senior' then t.senior_ger end`,
      consolidation_rate: `case when a.level = 'county' and a.stage = 'compulsory' then t.consolidation_rate end`,
      disabled_enrollment: `case when a.level = 'county' and a.stage = 'compulsory' then t.disabled_enrollment end`,
      ...Object.fromEntries(q.map((i) => [`quality_l${i}`, `bl.l${i}`])),
      quality_school_pass_share: 'bl.pass_share',
      ...Object.fromEntries(q.map((i) => [`quality_cv_l${i}`, `case when a.level = 'county' then cv.cv${i} end`])),
      ...Object.fromEntries(b.map((i) => [`basic_cv_b${i}`, `case when a.level = 'county' then cv.cvb${i} end`])),
      basic_composite_cv: `case when a.level = 'county' then (${b.map((i) => `cv.cvb${i}`).join(' + ')}) / 8 end`,
    })}
from area_stages a
left join balance bl using (level, county_code, school_year, scope_id, stage)
left join cvs cv on cv.county_code = a.county_code and cv.school_year = a.school_year and cv.stage = a.stage
left join rates t on t.county_code = a.county_code and t.school_year = a.school_year`)
    .execute(db);
}

export interface Agreement {
  rows: number;
  values: number;
  mismatches: string[];
}

/**
 * Compares the engine's snapshot with the baseline value by value: the same scopes, and every indicator either null on
 * both sides or equal to a relative 1e-9.
 */
export async function compareWithEngine(db: Kysely<DB>, years: readonly number[]): Promise<Agreement> {
  const baseline = await sql<
    Record<string, unknown>
  >`select * from bench_baseline where school_year in (${sql.join(years.map(Number))})`.execute(db);
  const engine = await db
    .selectFrom('indicator_snapshot')
    .select(['county_code', 'school_year', 'level', 'scope_id', 'stage', 'values'])
    .where('school_year', 'in', [...years])
    .execute();
  const key = (r: { county_code: unknown; school_year: unknown; level: unknown; scope_id: unknown; stage: unknown }) =>
    `${r.county_code}|${r.school_year}|${r.level}|${r.scope_id}|${r.stage}`;
  const engineRows = new Map(engine.map((r) => [key(r), r.values as Record<string, { v: number | null }>]));
  const mismatches: string[] = [];
  let values = 0;
  for (const row of baseline.rows) {
    const k = key(row as never);
    const computed = engineRows.get(k);
    engineRows.delete(k);
    if (!computed) {
      mismatches.push(`${k}: 引擎没有这一行`);
      continue;
    }
    for (const column of BASELINE_COLUMNS) {
      const expected = row[column] as number | null;
      const actual = computed[column]?.v ?? null;
      if (expected === null && actual === null) continue;
      values++;
      const equal =
        expected !== null && actual !== null && Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected));
      if (!equal) mismatches.push(`${k} ${column}: 手写SQL ${expected}，引擎 ${actual}`);
    }
  }
  for (const k of engineRows.keys()) mismatches.push(`${k}: 手写SQL没有这一行`);
  return { rows: baseline.rows.length, values, mismatches };
}
