import { weightedCv } from './cv';
import {
  BASIC_INDICATORS,
  type BasicKey,
  indicator,
  QUALITY_INDICATORS,
  type QualityKey,
  type StageKey,
} from './definitions';
import type { CountyYearInput, IndicatorValue, Policy, SchoolInfo, SnapshotRow, StatRow } from './inputs';

type Level = SnapshotRow['level'];

/** Additive sums of one school, township or county for one 学段. */
interface Sums {
  students: number;
  classes: number;
  fullTimeTeachers: number;
  staff: number;
  aboveQualified: number;
  backbone: number;
  artsPe: number;
  midTitle: number;
  teachingArea: number;
  sportsArea: number;
  equipmentYuan: number;
  multimediaRooms: number;
  books: number;
  computers: number;
  largeClasses: number;
  superLargeClasses: number;
  staffShortage: number;
  schools: number;
}

const zero = (): Sums => ({
  students: 0,
  classes: 0,
  fullTimeTeachers: 0,
  staff: 0,
  aboveQualified: 0,
  backbone: 0,
  artsPe: 0,
  midTitle: 0,
  teachingArea: 0,
  sportsArea: 0,
  equipmentYuan: 0,
  multimediaRooms: 0,
  books: 0,
  computers: 0,
  largeClasses: 0,
  superLargeClasses: 0,
  staffShortage: 0,
  schools: 0,
});

function sumsOf(row: StatRow): Sums {
  return {
    students: row.students,
    classes: row.classes,
    fullTimeTeachers: row.fullTimeTeachers,
    staff: row.staff,
    aboveQualified: row.aboveQualified,
    backbone: row.backbone,
    artsPe: row.pe + row.music + row.art,
    midTitle: row.midTitle,
    teachingArea: row.teachingArea,
    sportsArea: row.sportsArea,
    equipmentYuan: row.equipmentValue * 10_000,
    multimediaRooms: row.multimediaRooms,
    books: row.books,
    computers: row.computers,
    largeClasses: row.largeClasses,
    superLargeClasses: row.superLargeClasses,
    staffShortage: 0,
    schools: 1,
  };
}

// Spelled out: this runs for every school row into every area, and a loop over keys was the engine's hottest spot.
function add(target: Sums, source: Sums): void {
  target.students += source.students;
  target.classes += source.classes;
  target.fullTimeTeachers += source.fullTimeTeachers;
  target.staff += source.staff;
  target.aboveQualified += source.aboveQualified;
  target.backbone += source.backbone;
  target.artsPe += source.artsPe;
  target.midTitle += source.midTitle;
  target.teachingArea += source.teachingArea;
  target.sportsArea += source.sportsArea;
  target.equipmentYuan += source.equipmentYuan;
  target.multimediaRooms += source.multimediaRooms;
  target.books += source.books;
  target.computers += source.computers;
  target.largeClasses += source.largeClasses;
  target.superLargeClasses += source.superLargeClasses;
  target.staffShortage += source.staffShortage;
  target.schools += source.schools;
}

/** numerator ÷ denominator × factor, or null when the denominator is zero. */
function ratio(numerator: number, denominator: number, factor = 1): number | null {
  return denominator > 0 ? (numerator / denominator) * factor : null;
}

const QUALITY_VALUE: Record<QualityKey, (s: Sums) => [number, number, number]> = {
  l1: (s) => [s.aboveQualified, s.students, 100],
  l2: (s) => [s.backbone, s.students, 100],
  l3: (s) => [s.artsPe, s.students, 100],
  l4: (s) => [s.teachingArea, s.students, 1],
  l5: (s) => [s.sportsArea, s.students, 1],
  l6: (s) => [s.equipmentYuan, s.students, 1],
  l7: (s) => [s.multimediaRooms, s.students, 100],
};

const BASIC_VALUE: Record<BasicKey, (s: Sums) => number | null> = {
  b1: (s) => ratio(s.teachingArea, s.students),
  b2: (s) => ratio(s.sportsArea, s.students),
  b3: (s) => ratio(s.equipmentYuan, s.students),
  b4: (s) => ratio(s.computers, s.students, 100),
  b5: (s) => ratio(s.books, s.students),
  b6: (s) => ratio(s.fullTimeTeachers, s.students),
  b7: (s) => ratio(s.aboveQualified, s.students),
  b8: (s) => ratio(s.midTitle, s.students),
};

/**
 * The per-school rule of the 2017 办法: at least 6 of the 7 indicators meet their standard, and the other is at least
 * 85% of its standard.
 */
export function qualitySchoolRule(values: { value: number | null; threshold: number }[]): {
  met: number;
  pass: boolean;
  missed: number[];
} {
  const missed: number[] = [];
  let met = 0;
  values.forEach((item, index) => {
    if (item.value !== null && item.value >= item.threshold) met++;
    else missed.push(index);
  });
  const pass =
    met === values.length ||
    (met === values.length - 1 &&
      values[missed[0]].value !== null &&
      values[missed[0]].value! >= 0.85 * values[missed[0]].threshold);
  return { met, pass, missed };
}

/** The staffing a 学段 needs under the 编制标准 and how many it lacks (a surplus counts as zero shortage). */
export function staffingNeed(
  students: number,
  staff: number,
  standardRatio: number,
): { required: number; shortage: number } {
  const required = students / standardRatio;
  return { required, shortage: Math.max(0, Math.ceil(required - 1e-9) - staff) };
}

/**
 * Computes every indicator of a county for one 学年, for each school, township and the county, from the 基表 rows,
 * the population and the policy. Pure: the same input always gives the same snapshot.
 */
export function computeIndicators(input: CountyYearInput, policy: Policy): SnapshotRow[] {
  const rows = new Map<string, SnapshotRow>();
  // Values arrive grouped by scope, so the previous row is usually the one wanted.
  let last: SnapshotRow | undefined;
  let lastScope: [Level, string | number, StageKey] | undefined;
  const put = (level: Level, scopeId: string | number, stage: StageKey, id: string, value: IndicatorValue) => {
    if (!last || !lastScope || lastScope[0] !== level || lastScope[1] !== scopeId || lastScope[2] !== stage) {
      const key = `${level}|${scopeId}|${stage}`;
      last = rows.get(key);
      if (!last) {
        last = { level, scopeId: String(scopeId), stage, values: {} };
        rows.set(key, last);
      }
      lastScope = [level, scopeId, stage];
    }
    last.values[id] = value;
  };
  const judged = (
    id: string,
    stage: StageKey,
    v: number | null,
    extra?: Omit<IndicatorValue, 'v' | 's' | 't'>,
  ): IndicatorValue => {
    const t = policy.threshold(id, stage);
    const value: IndicatorValue = { v, s: 'none' };
    if (extra) {
      if (extra.n !== undefined) value.n = extra.n;
      if (extra.d !== undefined) value.d = extra.d;
      if (extra.x !== undefined) value.x = extra.x;
    }
    if (t === undefined) return value;
    value.t = t;
    if (v !== null) value.s = (indicator(id).direction === 'higher' ? v >= t : v <= t) ? 'pass' : 'fail';
    return value;
  };
  const putRatio = (
    level: Level,
    scopeId: string | number,
    stage: StageKey,
    id: string,
    n: number,
    d: number,
    factor = 1,
  ) => put(level, scopeId, stage, id, judged(id, stage, ratio(n, d, factor), { n, d }));

  const schools = new Map(input.schools.map((s) => [s.id, s]));
  const county = input.countyCode;
  const areaSums = new Map<string, Sums>();
  const areaKey = (level: 'township' | 'county', id: string | number, stage: StageKey) => `${level}|${id}|${stage}`;
  const addToAreas = (school: SchoolInfo, stage: StageKey, sums: Sums) => {
    for (const [level, id] of [
      ['township', school.townshipId],
      ['county', county],
    ] as const) {
      const key = areaKey(level, id, stage);
      const target = areaSums.get(key) ?? zero();
      add(target, sums);
      areaSums.set(key, target);
    }
  };

  // 1. School level: class sizes and staffing per 学段, and the additive sums behind township and county values.
  const preschool = {
    all: 0,
    public: 0,
    inclusive: 0,
    byTownship: new Map<number, { all: number; public: number; inclusive: number }>(),
  };
  let seniorStudents = 0;
  let grade9: number | null = 0;
  for (const row of input.stats) {
    const school = schools.get(row.schoolId);
    if (!school) continue;
    const sums = sumsOf(row);
    if (row.stage === 'preschool') {
      const isPublic = school.ownership === 'public';
      const isInclusive = isPublic || row.inclusive === true;
      const t = preschool.byTownship.get(school.townshipId) ?? { all: 0, public: 0, inclusive: 0 };
      for (const target of [preschool, t]) {
        target.all += row.students;
        if (isPublic) target.public += row.students;
        if (isInclusive) target.inclusive += row.students;
      }
      preschool.byTownship.set(school.townshipId, t);
      putRatio(
        'school',
        school.id,
        'preschool',
        'kindergarten_child_teacher_ratio',
        row.students,
        row.fullTimeTeachers,
      );
      addToAreas(school, 'preschool', sums);
      continue;
    }
    if (row.stage === 'vocational' || row.stage === 'senior') seniorStudents += row.students;
    if (row.stage === 'junior')
      grade9 = grade9 === null || !row.grades || row.grades['9'] === undefined ? null : grade9 + row.grades['9'];
    if (row.stage !== 'primary' && row.stage !== 'junior' && row.stage !== 'senior') continue;
    const stage: StageKey = row.stage;
    const need = staffingNeed(row.students, row.staff, policy.staffingRatio[stage]);
    sums.staffShortage = need.shortage;
    put(
      'school',
      school.id,
      stage,
      'staff_shortage',
      judged('staff_shortage', stage, need.shortage, { n: Math.ceil(need.required - 1e-9), d: row.staff }),
    );
    putRatio('school', school.id, stage, 'student_teacher_ratio', row.students, row.fullTimeTeachers);
    put('school', school.id, stage, 'student_staff_ratio', {
      v: ratio(row.students, row.staff),
      n: row.students,
      d: row.staff,
      t: policy.staffingRatio[stage],
      s: row.staff > 0 && row.students / row.staff <= policy.staffingRatio[stage] ? 'pass' : 'fail',
    });
    putClasses('school', school.id, stage, sums);
    addToAreas(school, stage, sums);
    // 义务教育 (小学 + 初中) totals for the township and county; a school's own row is built below.
    if (stage !== 'senior') addToAreas(school, 'compulsory', { ...sums });
  }

  function putClasses(level: Level, scopeId: string | number, stage: StageKey, s: Sums, withAverage = true) {
    put(level, scopeId, stage, 'large_class_count', judged('large_class_count', stage, s.largeClasses));
    put(
      level,
      scopeId,
      stage,
      'super_large_class_count',
      judged('super_large_class_count', stage, s.superLargeClasses),
    );
    putRatio(level, scopeId, stage, 'large_class_share', s.largeClasses + s.superLargeClasses, s.classes, 100);
    if (withAverage) putRatio(level, scopeId, stage, 'average_class_size', s.students, s.classes);
  }

  // A school's 义务教育 class figures combine its 小学 and 初中 rows (one row for a 九年一贯制 school).
  const compulsoryBySchool = new Map<number, Sums>();
  for (const row of input.stats) {
    if ((row.stage !== 'primary' && row.stage !== 'junior') || !schools.has(row.schoolId)) continue;
    const s = compulsoryBySchool.get(row.schoolId) ?? zero();
    add(s, sumsOf(row));
    compulsoryBySchool.set(row.schoolId, s);
  }
  for (const [schoolId, s] of compulsoryBySchool) putClasses('school', schoolId, 'compulsory', s, false);

  // 2. Township and county values from the sums.
  for (const [key, s] of areaSums) {
    const [level, id, stage] = key.split('|') as ['township' | 'county', string, StageKey];
    if (stage === 'preschool') {
      putRatio(level, id, stage, 'kindergarten_child_teacher_ratio', s.students, s.fullTimeTeachers);
      continue;
    }
    putClasses(level, id, stage, s, stage !== 'compulsory');
    if (stage === 'compulsory') continue;
    put(level, id, stage, 'staff_shortage', judged('staff_shortage', stage, s.staffShortage));
    putRatio(level, id, stage, 'student_teacher_ratio', s.students, s.fullTimeTeachers);
    const standard = policy.staffingRatio[stage];
    put(level, id, stage, 'student_staff_ratio', {
      v: ratio(s.students, s.staff),
      n: s.students,
      d: s.staff,
      t: standard,
      s: s.staff > 0 && s.students / s.staff <= standard ? 'pass' : 'fail',
    });
  }
  for (const [townshipId, t] of preschool.byTownship) {
    putRatio('township', townshipId, 'preschool', 'inclusive_coverage', t.inclusive, t.all, 100);
    putRatio('township', townshipId, 'preschool', 'public_kindergarten_share', t.public, t.all, 100);
  }
  putRatio('county', county, 'preschool', 'inclusive_coverage', preschool.inclusive, preschool.all, 100);
  putRatio('county', county, 'preschool', 'public_kindergarten_share', preschool.public, preschool.all, 100);

  // 3. Rates against the population.
  const population = (from: number, to: number) =>
    input.population.filter((p) => p.age >= from && p.age <= to).reduce((s, p) => s + p.population, 0);
  putRatio('county', county, 'preschool', 'preschool_ger', preschool.all, population(3, 5), 100);
  const junior = areaSums.get(areaKey('county', county, 'junior'))?.students ?? 0;
  putRatio('county', county, 'junior', 'junior_ger', junior, population(12, 14), 100);
  putRatio('county', county, 'senior', 'senior_ger', seniorStudents, population(15, 17), 100);
  if (grade9 !== null && input.cohortBase) {
    putRatio('county', county, 'compulsory', 'consolidation_rate', grade9, input.cohortBase, 100);
  } else {
    put('county', county, 'compulsory', 'consolidation_rate', {
      v: null,
      s: 'none',
      x: { reason: grade9 === null ? '初中未按年级填报在校生数' : '未登记该届学生的入学基数' },
    });
  }
  const compulsoryAge = input.population.filter((p) => p.age >= 6 && p.age <= 15);
  const disabled = compulsoryAge.reduce((s, p) => s + p.disabled, 0);
  const enrolled = compulsoryAge.reduce(
    (s, p) => s + p.enrolledSpecial + p.enrolledRegular + (policy.countHomeDeliveryAsEnrolled ? p.enrolledHome : 0),
    0,
  );
  putRatio('county', county, 'compulsory', 'disabled_enrollment', enrolled, disabled, 100);

  // 4. 均衡: per school and 学段, small 教学点 folded into their parent, then the 差异系数 over the schools.
  computeBalance(input, policy, put, judged);

  return [...rows.values()];
}

type Put = (level: Level, scopeId: string | number, stage: StageKey, id: string, value: IndicatorValue) => void;
type Judge = (
  id: string,
  stage: StageKey,
  v: number | null,
  extra?: Omit<IndicatorValue, 'v' | 's' | 't'>,
) => IndicatorValue;

interface BalanceUnit {
  school: SchoolInfo;
  sums: Sums;
  merged: number[];
}

/** The schools that take part in the 均衡 evaluation of a 学段, with small 教学点 folded into their parent school. */
export function balanceUnits(
  input: CountyYearInput,
  policy: Policy,
  stage: 'primary' | 'junior',
): { units: BalanceUnit[]; foldedInto: Map<number, number> } {
  const schools = new Map(input.schools.map((s) => [s.id, s]));
  const units = new Map<number, BalanceUnit>();
  const foldedInto = new Map<number, number>();
  const rows = input.stats.filter((r) => r.stage === stage && schools.has(r.schoolId));
  const eligible = (s: SchoolInfo) =>
    (policy.includePrivateInBalance || s.ownership === 'public') && s.type !== 'special' && s.type !== 'vocational';
  for (const row of rows) {
    const school = schools.get(row.schoolId)!;
    if (!eligible(school)) continue;
    const parent = school.parentId !== null ? schools.get(school.parentId) : undefined;
    const threshold = policy.smallTeachingPointMergeBelow;
    const fold =
      school.type === 'teaching_point' &&
      threshold !== null &&
      row.students < threshold &&
      parent &&
      rows.some((r) => r.schoolId === parent.id);
    const ownerId = fold ? parent!.id : school.id;
    if (fold) foldedInto.set(school.id, parent!.id);
    const unit = units.get(ownerId) ?? { school: schools.get(ownerId)!, sums: zero(), merged: [] };
    add(unit.sums, sumsOf(row));
    if (fold) unit.merged.push(school.id);
    units.set(ownerId, unit);
  }
  return { units: [...units.values()].filter((u) => u.sums.students > 0), foldedInto };
}

function computeBalance(input: CountyYearInput, policy: Policy, put: Put, judged: Judge): void {
  const county = input.countyCode;
  for (const stage of ['primary', 'junior'] as const) {
    const { units, foldedInto } = balanceUnits(input, policy, stage);
    for (const [pointId, parentId] of foldedInto) {
      put('school', pointId, stage, 'quality_school_met', {
        v: null,
        s: 'none',
        x: { foldedInto: parentId, reason: `在校生不足${policy.smallTeachingPointMergeBelow}人，并入所属学校计算` },
      });
    }
    const passByArea = new Map<string, { pass: number; total: number }>();
    for (const unit of units) {
      const values = QUALITY_INDICATORS.map((q) => {
        const [n, d, factor] = QUALITY_VALUE[q.key](unit.sums);
        const value = judged(`quality_${q.key}`, stage, ratio(n, d, factor), { n, d });
        put('school', unit.school.id, stage, `quality_${q.key}`, value);
        return value;
      });
      const thresholds = values.map((v) => v.t);
      if (thresholds.every((t) => t !== undefined)) {
        const rule = qualitySchoolRule(values.map((v) => ({ value: v.v, threshold: v.t! })));
        put('school', unit.school.id, stage, 'quality_school_met', {
          v: rule.met,
          s: rule.pass ? 'pass' : 'fail',
          x: {
            missed: rule.missed.map((i) => `quality_${QUALITY_INDICATORS[i].key}`),
            mergedTeachingPoints: unit.merged,
          },
        });
        for (const key of [`township|${unit.school.townshipId}`, `county|${county}`]) {
          const tally = passByArea.get(key) ?? { pass: 0, total: 0 };
          tally.total++;
          if (rule.pass) tally.pass++;
          passByArea.set(key, tally);
        }
      }
    }
    for (const [key, tally] of passByArea) {
      const [level, id] = key.split('|') as ['township' | 'county', string];
      put(
        level,
        id,
        stage,
        'quality_school_pass_share',
        judged('quality_school_pass_share', stage, ratio(tally.pass, tally.total, 100), {
          n: tally.pass,
          d: tally.total,
        }),
      );
    }

    // Township and county means (total resource over total students) and the county 差异系数.
    const byTownship = new Map<number, Sums>();
    const all = zero();
    for (const unit of units) {
      const t = byTownship.get(unit.school.townshipId) ?? zero();
      add(t, unit.sums);
      byTownship.set(unit.school.townshipId, t);
      add(all, unit.sums);
    }
    for (const q of QUALITY_INDICATORS) {
      for (const [townshipId, s] of byTownship) {
        const [n, d, factor] = QUALITY_VALUE[q.key](s);
        put(
          'township',
          townshipId,
          stage,
          `quality_${q.key}`,
          judged(`quality_${q.key}`, stage, ratio(n, d, factor), { n, d }),
        );
      }
      const [n, d, factor] = QUALITY_VALUE[q.key](all);
      put(
        'county',
        county,
        stage,
        `quality_${q.key}`,
        judged(`quality_${q.key}`, stage, ratio(n, d, factor), { n, d }),
      );
      const cv = weightedCv(
        units.map((u) => {
          const [un, ud, uf] = QUALITY_VALUE[q.key](u.sums);
          return { students: u.sums.students, value: (un / ud) * uf };
        }),
      );
      put(
        'county',
        county,
        stage,
        `quality_cv_${q.key}`,
        judged(`quality_cv_${q.key}`, stage, cv?.cv ?? null, { x: { schools: units.length, mean: cv?.mean ?? null } }),
      );
    }
    for (const unit of units) {
      for (const b of BASIC_INDICATORS)
        put('school', unit.school.id, stage, `basic_${b.key}`, {
          v: BASIC_VALUE[b.key](unit.sums),
          d: unit.sums.students,
          s: 'none',
        });
    }
    const basicCvs = BASIC_INDICATORS.map((b) => {
      const cv = weightedCv(
        units
          .filter((u) => BASIC_VALUE[b.key](u.sums) !== null)
          .map((u) => ({ students: u.sums.students, value: BASIC_VALUE[b.key](u.sums)! })),
      );
      put(
        'county',
        county,
        stage,
        `basic_cv_${b.key}`,
        judged(`basic_cv_${b.key}`, stage, cv?.cv ?? null, { x: { schools: units.length, mean: cv?.mean ?? null } }),
      );
      return cv?.cv ?? null;
    });
    const composite = basicCvs.every((c) => c !== null) ? basicCvs.reduce((s, c) => s + c!, 0) / basicCvs.length : null;
    put(
      'county',
      county,
      stage,
      'basic_composite_cv',
      judged('basic_composite_cv', stage, composite, { x: { components: basicCvs } }),
    );
  }
}
