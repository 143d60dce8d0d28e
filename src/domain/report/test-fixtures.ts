/**
 * Facts for the report tests: terse builders and a county-year (青禾县 2025, with 2024 for comparisons) whose figures
 * are consistent with each other (types add up to the school total, 学段 to the student total, levels to training).
 * Used by tests only; it lives beside them because it is pure and shared by several test files.
 */
import type { ParagraphPart } from '../aid/paragraph';
import { createReportContext, type ReportContext } from './context';
import type { Fact, FactSet } from './facts';

export const COUNTY = '青禾县';
export const YEAR = 2025;

interface FactOptions {
  detail?: Record<string, unknown>;
  /** Judged against this threshold; pass follows `direction`. */
  threshold?: number;
  direction?: 'higher' | 'lower';
  year?: number;
}

/** A county fact with a value and a unit. */
export function fact(id: string, value: number | null, unit: string, options: FactOptions = {}): Fact {
  const direction = options.direction ?? 'higher';
  const threshold = options.threshold;
  return {
    id,
    label: id,
    unit,
    value,
    period: { kind: 'year', year: options.year ?? YEAR },
    scope: { level: 'county', id: '149901', name: COUNTY },
    formula: '测试数据',
    href: '/test',
    ...(threshold !== undefined && value !== null
      ? {
          threshold: {
            value: threshold,
            direction,
            pass: direction === 'higher' ? value >= threshold : value <= threshold,
          },
        }
      : {}),
    ...(options.detail ? { detail: options.detail } : {}),
  };
}

/** A percentage indicator, optionally judged (higher is better). */
export const rate = (id: string, value: number, threshold?: number): Fact =>
  fact(id, value, '%', threshold === undefined ? {} : { threshold });

/** A 差异系数 judged against its ceiling. */
export const coefficient = (id: string, value: number, threshold: number): Fact =>
  fact(id, value, '', { threshold, direction: 'lower' });

export function factSet(...facts: Fact[]): FactSet {
  const set = new Map<string, Fact>();
  for (const item of facts) {
    if (set.has(item.id)) throw new Error(`fixture: duplicate fact ${item.id}`);
    set.set(item.id, item);
  }
  return set;
}

export function context(facts: FactSet, previous: FactSet = new Map()): ReportContext {
  return createReportContext({ countyName: COUNTY, year: YEAR, facts, previous });
}

const schools = (...names: string[]) => ({ schools: names });

/** The aid paragraph of 2025 in seed 000's figures, as the aid module publishes it in `aid.paragraph`. */
export const AID_PARTS: ParagraphPart[] = [
  { text: '全县各级各类学校受助学生' },
  { text: '11834人次', figure: { key: 'aid.school_aid.person_times', value: 11834 } },
  { text: '，资助金额' },
  { text: '806万余元', figure: { key: 'aid.school_aid.amount_fen', value: 806_626_250 } },
  { text: '。其中，资助学前教育幼儿' },
  { text: '993人', figure: { key: 'aid.program.preschool_aid.persons', value: 993 } },
  { text: '49.9万元', figure: { key: 'aid.program.preschool_aid.amount_fen', value: 49_900_000 } },
  { text: '；义务教育阶段家庭经济困难寄宿生' },
  { text: '2001人', figure: { key: 'aid.program.boarding_subsidy.persons', value: 2001 } },
  { text: '、非寄宿生' },
  { text: '2795人', figure: { key: 'aid.program.non_boarding_subsidy.persons', value: 2795 } },
  { text: '，共' },
  {
    text: '189万余元',
    figure: { key: 'aid.programs.boarding_subsidy+non_boarding_subsidy.amount_fen', value: 189_006_250 },
  },
  { text: '。实施营养餐改善计划学校' },
  { text: '20所', figure: { key: 'aid.nutrition.schools', value: 20 } },
  { text: '，受惠学生' },
  { text: '4721人次', figure: { key: 'aid.nutrition.person_times', value: 4721 } },
  { text: '，下拨专项资金' },
  { text: '446.97万元', figure: { key: 'aid.nutrition.amount_fen', value: 446_970_000 } },
  { text: '。' },
];

const QUALITY_CV_PRIMARY = [0.21, 0.33, 0.41, 0.38, 0.562, 0.29, 0.534];
const QUALITY_CV_JUNIOR = [0.18, 0.25, 0.31, 0.27, 0.4, 0.22, 0.3];

/** 青禾县 in 2025: a county that meets most standards, with the shortfalls every detector looks for. */
export function countyFacts(): FactSet {
  return factSet(
    fact('org.schools.total', 96, '所'),
    fact('org.schools.kindergarten', 40, '所'),
    fact('org.schools.primary', 33, '所'),
    fact('org.schools.junior', 10, '所'),
    fact('org.schools.nine_year', 6, '所'),
    fact('org.schools.complete_secondary', 1, '所'),
    fact('org.schools.senior', 3, '所'),
    fact('org.schools.vocational', 2, '所'),
    fact('org.schools.special', 1, '所'),
    fact('org.schools.teaching_point', 12, '个'),
    fact('stats.students.total', 34915, '人'),
    fact('stats.students.preschool', 8120, '人'),
    fact('stats.students.primary', 15230, '人'),
    fact('stats.students.junior', 7410, '人'),
    fact('stats.students.senior', 2860, '人'),
    fact('stats.students.vocational', 1080, '人'),
    fact('stats.students.special', 215, '人'),
    fact('stats.teachers.staff', 3268, '人'),
    fact('stats.teachers.full_time', 2905, '人'),

    rate('indicators.preschool_ger.preschool', 92.35, 85),
    rate('indicators.inclusive_coverage.preschool', 78.4, 80),
    rate('indicators.public_kindergarten_share.preschool', 46.2, 50),
    rate('indicators.consolidation_rate.compulsory', 96.52, 96),
    rate('indicators.disabled_enrollment.compulsory', 97.3, 95),
    rate('indicators.senior_ger.senior', 91.86, 90),
    fact('indicators.large_class_count.compulsory', 12, '个'),
    fact('indicators.super_large_class_count.compulsory', 0, '个', { threshold: 0, direction: 'lower' }),
    rate('indicators.large_class_share.compulsory', 2.1),
    fact('indicators.large_class_schools.compulsory', 3, '所', {
      detail: schools('青禾县实验小学', '城关第二小学', '青禾县第一初级中学'),
    }),
    fact('indicators.student_teacher_ratio.primary', 16.52, ''),
    fact('indicators.student_teacher_ratio.junior', 12.8, ''),
    fact('indicators.student_teacher_ratio.senior', 13.45, ''),
    fact('indicators.staff_shortage.primary', 23, '人', { threshold: 0, direction: 'lower' }),
    fact('indicators.staff_shortage.junior', 0, '人', { threshold: 0, direction: 'lower' }),
    fact('indicators.staff_shortage.senior', 0, '人', { threshold: 0, direction: 'lower' }),
    rate('indicators.quality_school_pass_share.primary', 87.5, 100),
    rate('indicators.quality_school_pass_share.junior', 100, 100),
    fact('indicators.quality_failing_schools.primary', 4, '所', {
      detail: schools('石门小学', '柳河小学', '东岭小学', '北坡小学'),
    }),
    fact('indicators.quality_failing_schools.junior', 0, '所', { detail: schools() }),
    ...QUALITY_CV_PRIMARY.map((value, i) => coefficient(`indicators.quality_cv_l${i + 1}.primary`, value, 0.5)),
    ...QUALITY_CV_JUNIOR.map((value, i) => coefficient(`indicators.quality_cv_l${i + 1}.junior`, value, 0.45)),
    coefficient('indicators.basic_composite_cv.primary', 0.412, 0.65),
    coefficient('indicators.basic_composite_cv.junior', 0.368, 0.55),

    fact('teachers.hired.total', 74, '人'),
    fact('teachers.hired.special_post', 30, '人'),
    fact('teachers.hired.three_supports', 14, '人'),
    fact('teachers.hired.open_recruitment', 18, '人'),
    fact('teachers.hired.funded_normal_student', 5, '人'),
    fact('teachers.hired.dispatch', 0, '人'),
    fact('teachers.hired.talent_introduction', 7, '人'),
    fact('teachers.hired.substitute', 0, '人'),
    fact('teachers.retired', 46, '人'),
    fact('teachers.transfers.total', 153, '人次'),
    fact('teachers.transfers.exchange_rotation', 86, '人次'),
    fact('teachers.transfers.county_managed', 35, '人次'),
    fact('teachers.transfers.turnover_pool', 12, '人次'),
    fact('teachers.transfers.reassignment', 20, '人次'),
    fact('teachers.training.person_times', 14210, '人次'),
    fact('teachers.training.hours', 168450, '学时'),
    rate('teachers.training.coverage', 98.6),
    fact('teachers.training.national.person_times', 320, '人次'),
    fact('teachers.training.provincial.person_times', 860, '人次'),
    fact('teachers.training.city.person_times', 1240, '人次'),
    fact('teachers.training.county.person_times', 4580, '人次'),
    fact('teachers.training.school_based.person_times', 7210, '人次'),
    fact('teachers.backbone', 520, '人'),
    fact('teachers.honors.total', 126, '人次'),
    fact('teachers.ethics.unqualified', 0, '人'),
    rate('teachers.aged50.share.county', 31.2),
    rate('teachers.aged50.share.urban', 22.4),
    rate('teachers.aged50.share.town', 30.1),
    rate('teachers.aged50.share.rural', 46.8),
    fact('teachers.shortage.schools_with_none.pe', 0, '所', { detail: schools() }),
    fact('teachers.shortage.schools_with_none.music', 3, '所', { detail: schools('石门小学', '柳河小学', '北坡小学') }),
    fact('teachers.shortage.schools_with_none.art', 2, '所', { detail: schools('石门小学', '东岭小学') }),
    fact('teachers.shortage.schools_with_none.mental_health', 9, '所', {
      detail: schools('甲校', '乙校', '丙校', '丁校', '戊校', '己校', '庚校', '辛校', '壬校'),
    }),
    fact('teachers.shortage.schools_with_none.it', 0, '所', { detail: schools() }),
    fact('teachers.staffing.shortage', 23, '人'),
    fact('teachers.retiring.next1', 42, '人'),

    fact('aid.paragraph', null, '', { detail: { parts: AID_PARTS } }),
    fact('aid.checks.open', 5, '条'),
  );
}

/** 青禾县 in 2024: the facts the 2025 draft compares against. */
export function previousCountyFacts(): FactSet {
  const year = YEAR - 1;
  return factSet(
    fact('stats.students.total', 35227, '人', { year }),
    fact('indicators.preschool_ger.preschool', 91.15, '%', { year }),
    fact('indicators.inclusive_coverage.preschool', 76.9, '%', { year }),
    fact('indicators.public_kindergarten_share.preschool', 45, '%', { year }),
    fact('indicators.consolidation_rate.compulsory', 96.1, '%', { year }),
    fact('indicators.senior_ger.senior', 90.5, '%', { year }),
    fact('indicators.large_class_count.compulsory', 20, '个', { year }),
    fact('indicators.super_large_class_count.compulsory', 3, '个', { year }),
    fact('teachers.hired.total', 61, '人', { year }),
    fact('teachers.training.person_times', 12980, '人次', { year }),
    fact('teachers.backbone', 485, '人', { year }),
    fact('teachers.aged50.share.rural', 45.1, '%', { year }),
  );
}
