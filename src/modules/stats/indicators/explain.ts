import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { indicator, STAGE_LABELS, type StageKey } from '../../../domain/indicators/definitions';
import { schoolYearLabel } from '../../../domain/period';
import { notFound } from '../../../platform/errors';
import { resolvePolicy } from '../../../platform/policy/policy';
import { canSeeCounty, type Scope, schoolInScope } from '../../../platform/scope';
import { findValue, readSnapshot, scopeNames } from './read-indicators';

/** The 基表 columns each school-level indicator is computed from. */
const FIELDS: Record<string, [string, string][]> = {
  quality_l1: [
    ['above_qualified', '高于规定学历专任教师数'],
    ['students', '在校生数'],
  ],
  quality_l2: [
    ['backbone', '县级及以上骨干教师数'],
    ['students', '在校生数'],
  ],
  quality_l3: [
    ['pe_teachers', '体育专任教师数'],
    ['music_teachers', '音乐专任教师数'],
    ['art_teachers', '美术专任教师数'],
    ['students', '在校生数'],
  ],
  quality_l4: [
    ['teaching_area', '教学及辅助用房面积(平方米)'],
    ['students', '在校生数'],
  ],
  quality_l5: [
    ['sports_area', '体育运动场馆面积(平方米)'],
    ['students', '在校生数'],
  ],
  quality_l6: [
    ['equipment_value', '教学仪器设备值(万元)'],
    ['students', '在校生数'],
  ],
  quality_l7: [
    ['multimedia_rooms', '网络多媒体教室数'],
    ['students', '在校生数'],
  ],
  student_teacher_ratio: [
    ['students', '在校生数'],
    ['full_time_teachers', '专任教师数'],
  ],
  student_staff_ratio: [
    ['students', '在校生数'],
    ['staff', '教职工数'],
  ],
  staff_shortage: [
    ['students', '在校生数'],
    ['staff', '教职工数'],
  ],
  kindergarten_child_teacher_ratio: [
    ['students', '在园幼儿数'],
    ['full_time_teachers', '专任教师数'],
  ],
  large_class_count: [
    ['classes', '班级数'],
    ['large_classes', '56-65人班级数'],
  ],
  super_large_class_count: [
    ['classes', '班级数'],
    ['super_large_classes', '66人及以上班级数'],
  ],
  large_class_share: [
    ['classes', '班级数'],
    ['large_classes', '56-65人班级数'],
    ['super_large_classes', '66人及以上班级数'],
  ],
  average_class_size: [
    ['students', '在校生数'],
    ['classes', '班级数'],
  ],
};
FIELDS.quality_school_met = [
  ...new Map([
    ...FIELDS.quality_l1,
    ...FIELDS.quality_l2,
    ...FIELDS.quality_l3,
    ...FIELDS.quality_l4,
    ...FIELDS.quality_l5,
    ...FIELDS.quality_l6,
    ...FIELDS.quality_l7,
  ]).entries(),
];

const AGES: Record<string, [number, number, string]> = {
  preschool_ger: [3, 5, '3～5岁人口'],
  junior_ger: [12, 14, '12～14岁人口'],
  senior_ger: [15, 17, '15～17岁人口'],
  disabled_enrollment: [6, 15, '6～15岁三类残疾儿童少年'],
};

const STAT_STAGE_LABELS: Record<string, string> = {
  preschool: '学前',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中职',
  special: '特教',
};
const STAT_STAGES: Record<StageKey, string[]> = {
  preschool: ['preschool'],
  primary: ['primary'],
  junior: ['junior'],
  senior: ['senior'],
  compulsory: ['primary', 'junior'],
};

export interface ExplainRequest {
  countyCode: string;
  schoolYear: number;
  indicatorId: string;
  level: 'school' | 'township' | 'county';
  scopeId: string;
  stage: StageKey;
}

interface Table {
  title: string;
  columns: { key: string; title: string }[];
  rows: Record<string, string | number | null>[];
}

/** The formula, the threshold and its source, and the records behind one indicator value. */
export async function explainIndicator(db: Kysely<DB>, scope: Scope, request: ExplainRequest) {
  if (!canSeeCounty(scope, request.countyCode)) throw notFound('指标');
  const definition = indicator(request.indicatorId);
  const [records, name, county] = await Promise.all([
    readSnapshot(db, scope, request.countyCode, request.schoolYear),
    scopeNames(db, request.countyCode),
    db.selectFrom('county').select('province_code').where('code', '=', request.countyCode).executeTakeFirstOrThrow(),
  ]);
  const value = findValue(records, request.level, request.scopeId, request.stage, request.indicatorId);
  if (!value) throw notFound('指标值');
  const policy = await resolvePolicy(db, county.province_code, request.schoolYear);
  const thresholdEntry = policy.entry(`threshold.${request.indicatorId}`);
  const tables: Table[] = [];

  const statColumns = FIELDS[request.indicatorId.replace(/^basic_b\d$/, 'quality_school_met')];
  if (request.level === 'school' && statColumns) {
    // 教学点 folded into this school for 均衡 are recorded on its per-school rule.
    const folded =
      (findValue(records, 'school', request.scopeId, request.stage, 'quality_school_met')?.x?.mergedTeachingPoints as
        | number[]
        | undefined) ?? [];
    const ids = [
      Number(request.scopeId),
      ...(request.indicatorId.startsWith('quality_') || request.indicatorId.startsWith('basic_') ? folded : []),
    ];
    const rows = await db
      .selectFrom('school_stat')
      .innerJoin('school', 'school.id', 'school_stat.school_id')
      .where(schoolInScope(scope))
      .where('school_stat.school_id', 'in', ids)
      .where('school_stat.school_year', '=', request.schoolYear)
      .where('school_stat.stage', 'in', STAT_STAGES[request.stage])
      .selectAll('school_stat')
      .select(['school.name', 'school.code'])
      .execute();
    tables.push({
      title: `${schoolYearLabel(request.schoolYear)}学校年度基表${ids.length > 1 ? '（含并入计算的教学点）' : ''}`,
      columns: [
        { key: 'school', title: '学校' },
        { key: 'stage', title: '学段' },
        ...statColumns.map(([key, title]) => ({ key, title })),
      ],
      rows: rows.map((r) => ({
        school: `${r.name}（${r.code}）`,
        stage: STAT_STAGE_LABELS[r.stage] ?? r.stage,
        ...Object.fromEntries(statColumns.map(([key]) => [key, Number((r as unknown as Record<string, number>)[key])])),
      })),
    });
  }

  if (
    request.level !== 'school' &&
    (definition.levels.includes('school') ||
      request.indicatorId.startsWith('quality_cv_') ||
      request.indicatorId.startsWith('basic_cv_') ||
      request.indicatorId === 'quality_school_pass_share')
  ) {
    // Area values are built from the schools: list each school's part.
    const perSchoolId = request.indicatorId.startsWith('quality_cv_')
      ? request.indicatorId.replace('quality_cv_', 'quality_')
      : request.indicatorId.startsWith('basic_cv_')
        ? request.indicatorId.replace('basic_cv_', 'basic_')
        : request.indicatorId === 'quality_school_pass_share'
          ? 'quality_school_met'
          : request.indicatorId;
    const townshipOf =
      request.level === 'township'
        ? new Set(
            (
              await db.selectFrom('school').select('id').where('township_id', '=', Number(request.scopeId)).execute()
            ).map((s) => String(s.id)),
          )
        : null;
    const rows = records
      .filter(
        (r) =>
          r.level === 'school' &&
          r.stage === request.stage &&
          r.values[perSchoolId] &&
          (!townshipOf || townshipOf.has(r.scopeId)),
      )
      .map((r) => {
        const v = r.values[perSchoolId];
        return {
          school: name('school', r.scopeId),
          schoolId: Number(r.scopeId),
          value: v.v,
          numerator: v.n ?? null,
          denominator: v.d ?? null,
          status: v.s === 'pass' ? '达标' : v.s === 'fail' ? '未达标' : '',
        };
      })
      .sort((a, b) => (b.denominator ?? 0) - (a.denominator ?? 0));
    const per = indicator(perSchoolId);
    tables.push({
      title: request.indicatorId.includes('_cv_')
        ? `参与计算的学校（${rows.length}所，按在校生数加权）`
        : `各校${per.name}`,
      columns: [
        { key: 'school', title: '学校' },
        { key: 'value', title: per.name + (per.unit ? `（${per.unit}）` : '') },
        { key: 'numerator', title: '分子' },
        { key: 'denominator', title: request.indicatorId.includes('_cv_') ? '在校生数（权重）' : '分母' },
        { key: 'status', title: '达标' },
      ],
      rows,
    });
  }

  const ages = AGES[request.indicatorId];
  if (ages) {
    const population = await db
      .selectFrom('population')
      .selectAll()
      .where('county_code', '=', request.countyCode)
      .where('year', '=', request.schoolYear)
      .where('age', '>=', ages[0])
      .where('age', '<=', ages[1])
      .orderBy('age')
      .execute();
    tables.push({
      title: `${request.schoolYear}年${ages[2]}（分母）`,
      columns:
        request.indicatorId === 'disabled_enrollment'
          ? [
              { key: 'age', title: '年龄' },
              { key: 'disabled', title: '适龄三类残疾儿童少年数' },
              { key: 'special', title: '特教学校' },
              { key: 'regular', title: '随班就读' },
              { key: 'home', title: '送教上门' },
            ]
          : [
              { key: 'age', title: '年龄' },
              { key: 'population', title: '人口数' },
              { key: 'source', title: '来源' },
            ],
      rows: population.map((p) => ({
        age: `${p.age}岁`,
        population: p.population,
        source: p.source,
        disabled: p.disabled,
        special: p.enrolled_special,
        regular: p.enrolled_regular,
        home: p.enrolled_home,
      })),
    });
  }
  if (
    [
      'preschool_ger',
      'junior_ger',
      'senior_ger',
      'inclusive_coverage',
      'public_kindergarten_share',
      'consolidation_rate',
    ].includes(request.indicatorId)
  ) {
    const stages =
      request.indicatorId === 'senior_ger'
        ? ['senior', 'vocational']
        : request.indicatorId === 'junior_ger' || request.indicatorId === 'consolidation_rate'
          ? ['junior']
          : ['preschool'];
    let query = db
      .selectFrom('school_stat')
      .innerJoin('school', 'school.id', 'school_stat.school_id')
      .where('school_stat.county_code', '=', request.countyCode)
      .where('school_stat.school_year', '=', request.schoolYear)
      .where('school_stat.stage', 'in', stages)
      .select([
        'school.name',
        'school.ownership',
        'school.township_id',
        'school_stat.students',
        'school_stat.inclusive',
        'school_stat.grades',
      ]);
    if (request.level === 'township') query = query.where('school.township_id', '=', Number(request.scopeId));
    const rows = await query.orderBy('school_stat.students', 'desc').execute();
    tables.push({
      title: '在校（园）生（分子）',
      columns:
        request.indicatorId === 'consolidation_rate'
          ? [
              { key: 'school', title: '学校' },
              { key: 'grade9', title: '九年级在校生数' },
            ]
          : [
              { key: 'school', title: '学校' },
              { key: 'students', title: '在校（园）生数' },
              { key: 'kind', title: '类别' },
            ],
      rows: rows.map((r) => ({
        school: r.name,
        students: r.students,
        grade9: (r.grades as Record<string, number> | null)?.['9'] ?? null,
        kind: r.ownership === 'public' ? '公办' : r.inclusive ? '普惠性民办' : '民办',
      })),
    });
  }
  if (request.indicatorId === 'consolidation_rate') {
    const base = await db
      .selectFrom('cohort_base')
      .selectAll()
      .where('county_code', '=', request.countyCode)
      .where('school_year', '=', request.schoolYear)
      .executeTakeFirst();
    tables.push({
      title: '入学基数（分母）',
      columns: [
        { key: 'base', title: '该届小学一年级入学人数（按流动调整）' },
        { key: 'note', title: '依据' },
      ],
      rows: base ? [{ base: base.base, note: base.note }] : [],
    });
  }

  return {
    indicator: {
      id: definition.id,
      name: definition.name,
      unit: definition.unit,
      rate: definition.rate,
      decimals: definition.decimals,
      direction: definition.direction,
      formula: definition.formula,
      sources: definition.sources,
    },
    scope: {
      level: request.level,
      id: request.scopeId,
      name: name(request.level, request.scopeId),
      stage: request.stage,
      stageLabel: STAGE_LABELS[request.stage],
    },
    schoolYear: request.schoolYear,
    value,
    threshold: thresholdEntry
      ? {
          value: value.t ?? null,
          source: thresholdEntry.source ?? null,
          province: thresholdEntry.province,
          from: thresholdEntry.from,
        }
      : null,
    tables,
  };
}
