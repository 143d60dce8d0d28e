import { describe, expect, it } from 'vitest';
import { computeIndicators, qualitySchoolRule, staffingNeed } from './compute';
import type { StageKey } from './definitions';
import type { CountyYearInput, Policy, SnapshotRow, StatRow } from './inputs';

const QUALITY_THRESHOLDS: Record<string, Partial<Record<StageKey, number>>> = {
  quality_l1: { primary: 4.2, junior: 5.3 },
  quality_l2: { primary: 1, junior: 1 },
  quality_l3: { primary: 0.9, junior: 0.9 },
  quality_l4: { primary: 4.5, junior: 5.8 },
  quality_l5: { primary: 7.5, junior: 10.2 },
  quality_l6: { primary: 2000, junior: 2500 },
  quality_l7: { primary: 2.3, junior: 2.4 },
  quality_cv_l4: { primary: 0.5, junior: 0.45 },
  preschool_ger: { preschool: 85 },
  super_large_class_count: { primary: 0, junior: 0, compulsory: 0 },
};

const policy = (overrides: Partial<Policy> = {}): Policy => ({
  threshold: (id, stage) => QUALITY_THRESHOLDS[id]?.[stage],
  staffingRatio: { primary: 19, junior: 13.5, senior: 12.5 },
  smallTeachingPointMergeBelow: 50,
  includePrivateInBalance: true,
  countHomeDeliveryAsEnrolled: true,
  ...overrides,
});

function stat(schoolId: number, stage: StatRow['stage'], figures: Partial<StatRow>): StatRow {
  return {
    schoolId,
    stage,
    students: 0,
    classes: 0,
    fullTimeTeachers: 0,
    staff: 0,
    aboveQualified: 0,
    backbone: 0,
    pe: 0,
    music: 0,
    art: 0,
    midTitle: 0,
    teachingArea: 0,
    sportsArea: 0,
    equipmentValue: 0,
    multimediaRooms: 0,
    books: 0,
    computers: 0,
    largeClasses: 0,
    superLargeClasses: 0,
    inclusive: null,
    grades: null,
    ...figures,
  };
}

const school = (
  id: number,
  type: string,
  townshipId: number,
  parentId: number | null = null,
  ownership = 'public',
) => ({
  id,
  code: `21145523${String(id).padStart(2, '0')}`,
  name: `学校${id}`,
  type,
  ownership,
  urbanRural: 'rural',
  townshipId,
  parentId,
});

// A small county: a 九年一贯制 school (1), a primary school (2) with a 30-pupil 教学点 (3), two kindergartens (4 public,
// 5 普惠性民办, 6 民办) and a high school (7) and a 中职 (8).
const input: CountyYearInput = {
  countyCode: '145523',
  schoolYear: 2024,
  townshipIds: [10, 20],
  cohortBase: 400,
  schools: [
    school(1, 'nine_year', 10),
    school(2, 'primary', 20),
    school(3, 'teaching_point', 20, 2),
    school(4, 'kindergarten', 10),
    school(5, 'kindergarten', 10, null, 'inclusive_private'),
    school(6, 'kindergarten', 20, null, 'private'),
    school(7, 'senior', 10),
    school(8, 'vocational', 10),
  ],
  stats: [
    stat(1, 'primary', {
      students: 600,
      classes: 12,
      fullTimeTeachers: 30,
      staff: 30,
      aboveQualified: 30,
      backbone: 6,
      pe: 3,
      music: 2,
      art: 1,
      teachingArea: 3000,
      sportsArea: 4800,
      equipmentValue: 150,
      multimediaRooms: 15,
      books: 18000,
      computers: 60,
      midTitle: 12,
      largeClasses: 2,
      superLargeClasses: 1,
    }),
    stat(1, 'junior', {
      students: 300,
      classes: 6,
      fullTimeTeachers: 24,
      staff: 20,
      aboveQualified: 18,
      backbone: 3,
      pe: 1,
      music: 1,
      art: 1,
      teachingArea: 1800,
      sportsArea: 3000,
      equipmentValue: 90,
      multimediaRooms: 8,
      books: 9000,
      computers: 40,
      midTitle: 10,
      grades: { '7': 100, '8': 100, '9': 100 },
    }),
    stat(2, 'primary', {
      students: 170,
      classes: 6,
      fullTimeTeachers: 12,
      staff: 12,
      aboveQualified: 6,
      backbone: 1,
      pe: 1,
      music: 0,
      art: 1,
      teachingArea: 900,
      sportsArea: 1500,
      equipmentValue: 30,
      multimediaRooms: 4,
      books: 5000,
      computers: 20,
      midTitle: 4,
    }),
    stat(3, 'primary', {
      students: 30,
      classes: 3,
      fullTimeTeachers: 3,
      staff: 3,
      aboveQualified: 1,
      teachingArea: 300,
      sportsArea: 600,
      equipmentValue: 6,
      multimediaRooms: 1,
      books: 1000,
      computers: 2,
      midTitle: 1,
    }),
    stat(4, 'preschool', { students: 100, classes: 4, fullTimeTeachers: 8 }),
    stat(5, 'preschool', { students: 50, classes: 2, fullTimeTeachers: 3, inclusive: true }),
    stat(6, 'preschool', { students: 50, classes: 2, fullTimeTeachers: 2, inclusive: false }),
    stat(7, 'senior', { students: 500, classes: 10, fullTimeTeachers: 40, staff: 38 }),
    stat(8, 'vocational', { students: 200, classes: 5, fullTimeTeachers: 15, staff: 20 }),
  ],
  population: [
    { age: 3, population: 80, disabled: 0, enrolledSpecial: 0, enrolledRegular: 0, enrolledHome: 0 },
    { age: 4, population: 80, disabled: 0, enrolledSpecial: 0, enrolledRegular: 0, enrolledHome: 0 },
    { age: 5, population: 90, disabled: 0, enrolledSpecial: 0, enrolledRegular: 0, enrolledHome: 0 },
    { age: 8, population: 120, disabled: 10, enrolledSpecial: 4, enrolledRegular: 3, enrolledHome: 2 },
    { age: 12, population: 110, disabled: 0, enrolledSpecial: 0, enrolledRegular: 0, enrolledHome: 0 },
    { age: 13, population: 100, disabled: 0, enrolledSpecial: 0, enrolledRegular: 0, enrolledHome: 0 },
    { age: 14, population: 90, disabled: 0, enrolledSpecial: 0, enrolledRegular: 0, enrolledHome: 0 },
    { age: 15, population: 300, disabled: 0, enrolledSpecial: 0, enrolledRegular: 0, enrolledHome: 0 },
    { age: 16, population: 300, disabled: 0, enrolledSpecial: 0, enrolledRegular: 0, enrolledHome: 0 },
    { age: 17, population: 300, disabled: 0, enrolledSpecial: 0, enrolledRegular: 0, enrolledHome: 0 },
  ],
};

function value(rows: SnapshotRow[], level: string, scopeId: string | number, stage: StageKey, id: string) {
  return rows.find((r) => r.level === level && r.scopeId === String(scopeId) && r.stage === stage)?.values[id];
}

describe(qualitySchoolRule.name, () => {
  const t = [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3];
  const rule = (values: number[]) => qualitySchoolRule(values.map((v, i) => ({ value: v, threshold: t[i] })));
  it('passes 7 of 7, and 6 of 7 with the seventh at 85% or more', () => {
    expect(rule([5, 1, 1, 5, 8, 2100, 3])).toMatchObject({ met: 7, pass: true });
    expect(rule([5, 1, 1, 5, 8, 1700, 3])).toMatchObject({ met: 6, pass: true, missed: [5] }); // 1700 ≥ 0.85 × 2000
  });
  it('fails 6 of 7 with the seventh under 85%, and 5 of 7', () => {
    expect(rule([5, 1, 1, 5, 8, 1699, 3])).toMatchObject({ met: 6, pass: false });
    expect(rule([5, 0.5, 1, 5, 8, 1000, 3])).toMatchObject({ met: 5, pass: false, missed: [1, 5] });
  });
});

describe(staffingNeed.name, () => {
  it('rounds the requirement up to whole persons and counts only shortages', () => {
    expect(staffingNeed(190, 9, 19)).toEqual({ required: 10, shortage: 1 });
    expect(staffingNeed(191, 9, 19).shortage).toBe(2);
    expect(staffingNeed(135, 12, 13.5)).toEqual({ required: 10, shortage: 0 });
  });
});

describe(computeIndicators.name, () => {
  const rows = computeIndicators(input, policy());

  it('computes the preschool rates from 在园幼儿 and the 3–5 population', () => {
    expect(value(rows, 'county', '145523', 'preschool', 'preschool_ger')).toMatchObject({
      v: 80,
      n: 200,
      d: 250,
      t: 85,
      s: 'fail',
    });
    expect(value(rows, 'county', '145523', 'preschool', 'inclusive_coverage')?.v).toBe(75);
    expect(value(rows, 'county', '145523', 'preschool', 'public_kindergarten_share')?.v).toBe(50);
    expect(value(rows, 'township', 20, 'preschool', 'inclusive_coverage')?.v).toBe(0);
    expect(value(rows, 'school', 4, 'preschool', 'kindergarten_child_teacher_ratio')?.v).toBe(12.5);
  });

  it('computes gross enrollment, consolidation and the disabled enrollment rate', () => {
    expect(value(rows, 'county', '145523', 'junior', 'junior_ger')).toMatchObject({ v: 100, n: 300, d: 300 });
    expect(value(rows, 'county', '145523', 'senior', 'senior_ger')).toMatchObject({ n: 700, d: 900 });
    expect(value(rows, 'county', '145523', 'senior', 'senior_ger')?.v).toBeCloseTo(77.7778, 4);
    expect(value(rows, 'county', '145523', 'compulsory', 'consolidation_rate')).toMatchObject({
      v: 25,
      n: 100,
      d: 400,
    });
    expect(value(rows, 'county', '145523', 'compulsory', 'disabled_enrollment')).toMatchObject({ v: 90, n: 9, d: 10 });
    const noHome = computeIndicators(input, policy({ countHomeDeliveryAsEnrolled: false }));
    expect(value(noHome, 'county', '145523', 'compulsory', 'disabled_enrollment')?.v).toBe(70);
  });

  it('splits a 九年一贯制 school by 学段', () => {
    // Junior row only: 18 above-qualified teachers per 300 students = 6 per 100; 1800 m² / 300 = 6 m².
    expect(value(rows, 'school', 1, 'junior', 'quality_l1')).toMatchObject({ v: 6, n: 18, d: 300, t: 5.3, s: 'pass' });
    expect(value(rows, 'school', 1, 'junior', 'quality_l4')?.v).toBe(6);
    // Primary row only: 30 per 600 = 5 per 100.
    expect(value(rows, 'school', 1, 'primary', 'quality_l1')?.v).toBe(5);
    expect(value(rows, 'school', 1, 'primary', 'quality_l6')?.v).toBe(2500);
    // Its 义务教育 class figures combine both rows: 3 of 18 classes are 56+.
    expect(value(rows, 'school', 1, 'compulsory', 'large_class_share')?.v).toBeCloseTo(16.6667, 4);
    expect(value(rows, 'school', 1, 'primary', 'super_large_class_count')).toMatchObject({ v: 1, t: 0, s: 'fail' });
  });

  it('folds a 教学点 under 50 students into its parent school and weights the 差异系数 by enrollment', () => {
    expect(value(rows, 'school', 3, 'primary', 'quality_school_met')?.x).toMatchObject({ foldedInto: 2 });
    // School 2 with its 教学点: (900 + 300) m² over (170 + 30) students = 6 m².
    expect(value(rows, 'school', 2, 'primary', 'quality_l4')).toMatchObject({ v: 6, n: 1200, d: 200 });
    // Two units: 600 students at 5 m², 200 at 6 m². Independent computation of the weighted CV:
    const mean = (600 * 5 + 200 * 6) / 800;
    const sd = Math.sqrt((600 / 800) * (5 - mean) ** 2 + (200 / 800) * (6 - mean) ** 2);
    expect(value(rows, 'county', '145523', 'primary', 'quality_cv_l4')?.v).toBeCloseTo(sd / mean, 12);
    expect(value(rows, 'county', '145523', 'primary', 'quality_cv_l4')?.s).toBe('pass');
    // Without the province rule the 教学点 is its own school: 300 m² / 30 = 10 m².
    const apart = computeIndicators(input, policy({ smallTeachingPointMergeBelow: null }));
    expect(value(apart, 'school', 3, 'primary', 'quality_l4')?.v).toBe(10);
  });

  it('applies the per-school rule and counts passing schools', () => {
    // School 1 primary: l1 5≥4.2, l2 1≥1, l3 1≥0.9, l4 5≥4.5, l5 8≥7.5, l6 2500≥2000, l7 2.5≥2.3 → 7 of 7.
    expect(value(rows, 'school', 1, 'primary', 'quality_school_met')).toMatchObject({ v: 7, s: 'pass' });
    // School 2 + 教学点: l1 3.5, l2 0.5, l3 1.0, l4 6, l5 10.5, l6 1800, l7 2.5 → 4 met: fails.
    const met = value(rows, 'school', 2, 'primary', 'quality_school_met');
    expect(met).toMatchObject({ v: 4, s: 'fail' });
    expect(met?.x?.missed).toEqual(['quality_l1', 'quality_l2', 'quality_l6']);
    expect(value(rows, 'county', '145523', 'primary', 'quality_school_pass_share')).toMatchObject({
      v: 50,
      n: 1,
      d: 2,
    });
  });

  it('measures staffing against the 编制标准 and sums school shortages', () => {
    // School 1 junior: 300 / 13.5 = 22.2 → 23 needed, 20 on staff → 3 short.
    expect(value(rows, 'school', 1, 'junior', 'staff_shortage')).toMatchObject({ v: 3, n: 23, d: 20 });
    expect(value(rows, 'school', 1, 'junior', 'student_staff_ratio')).toMatchObject({ v: 15, t: 13.5, s: 'fail' });
    // Senior: 500 / 12.5 = 40 needed, 38 on staff.
    expect(value(rows, 'county', '145523', 'senior', 'staff_shortage')?.v).toBe(2);
    expect(value(rows, 'county', '145523', 'primary', 'student_teacher_ratio')?.v).toBeCloseTo(800 / 45, 10);
  });

  it('computes the 基本均衡 composite as the mean of the 8 weighted CVs', () => {
    const composite = value(rows, 'county', '145523', 'primary', 'basic_composite_cv');
    const components = composite?.x?.components as number[];
    expect(components).toHaveLength(8);
    expect(composite?.v).toBeCloseTo(components.reduce((s, c) => s + c, 0) / 8, 12);
  });

  it('leaves out the rows of a school that was not open on the statistics date, at every level', () => {
    // School 9 closed before the statistics date: its 基表 row is still stored but must count nowhere.
    const withClosed = computeIndicators(
      {
        ...input,
        stats: [...input.stats, stat(9, 'primary', { students: 400, classes: 4, largeClasses: 4, staff: 1 })],
      },
      policy(),
    );
    expect(withClosed.filter((r) => r.level === 'school' && r.scopeId === '9')).toEqual([]);
    expect(withClosed).toEqual(rows);
  });
});
