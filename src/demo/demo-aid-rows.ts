/**
 * The demo county's 学生资助 lists, generated from its enrolment: students are followed from year to year (a pupil
 * aided in 2023 is usually aided again in 2024, one grade up), so 人次 and persons differ as in the seeds. Amounts
 * are the standards of each term; proportions follow seed 000 (a county of this size pays about 11,000 人次 of
 * school-level aid a year, 1,000 loans, 50 new-student grants, and feeds 2,500 rural pupils a term).
 */
import { AID_COLUMNS } from '../domain/aid/records';
import { composeIdNumber } from '../domain/codes/id-card';
import { type Term, termLabel } from '../domain/period';
import { Random } from './random';

export interface DemoAidSchool {
  code: string;
  name: string;
  type: string;
  urbanRural: string;
  /** Students per 学段 by 学年 (stats), for cohort sizes. */
  students: Map<number, Map<string, number>>;
  /** Whether the school taught in the term (closed and merged schools pay nobody afterwards). */
  openIn(term: Term): boolean;
}

type Stage = 'preschool' | 'primary' | 'junior' | 'senior' | 'vocational' | 'special';
const YEARS_OF: Record<Stage, number> = { preschool: 3, primary: 6, junior: 3, senior: 3, vocational: 3, special: 9 };
const ENTRY_AGE: Record<Stage, number> = {
  preschool: 3,
  primary: 6,
  junior: 12,
  senior: 15,
  vocational: 15,
  special: 6,
};
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔';
const GIVEN =
  '子涵欣怡梓轩浩然雨泽宇轩思远佳琪俊杰若曦诗涵博文一鸣晨阳明轩嘉怡家豪天佑雅静文博志强晓燕海洋春雨秋实冬梅红霞建华丽娟国庆小龙';
const NEED = [
  ['poverty_alleviated'],
  ['minimum_living'],
  ['poverty_alleviated', 'disabled'],
  ['destitute'],
  ['minimum_living', 'disabled'],
];
const CATEGORY_LABELS: Record<string, string> = {
  poverty_alleviated: '脱贫家庭',
  minimum_living: '低保',
  disabled: '残疾',
  destitute: '特困供养',
  orphan: '孤儿',
  monitored: '防返贫监测对象',
  other_hardship: '其他家庭经济困难',
};
const LEVELS = ['特别困难', '困难', '一般困难'];

export const PROGRAM_NAMES: Record<string, string> = {
  preschool_aid: '学前教育家庭经济困难儿童资助',
  boarding_subsidy: '义务教育家庭经济困难寄宿生生活补助',
  non_boarding_subsidy: '义务教育家庭经济困难非寄宿生生活补助',
  nutrition_program: '农村义务教育学生营养改善计划',
  senior_grant: '普通高中国家助学金',
  senior_tuition_waiver: '普通高中免学杂费',
  vocational_grant: '中等职业教育国家助学金',
  vocational_tuition_waiver: '中等职业教育免学费',
  student_loan: '生源地信用助学贷款',
  freshman_aid: '大学新生入学资助',
  county_relief: '青禾县困难学生临时救助',
};

export interface DemoPerson {
  id: string;
  name: string;
  /** A number in [0, 1) fixed for the person: who is in which program. */
  u: number;
  categories: string[];
  level: string;
}

/** Keeps generated people stable and their ID numbers unique. */
export class DemoPeople {
  readonly #people = new Map<string, DemoPerson>();
  readonly #orders = new Map<string, number>();
  readonly #random = new Random(20_250_301);

  person(key: string, birthYear: number): DemoPerson {
    let person = this.#people.get(key);
    if (person) return person;
    const r = this.#random;
    const birth = `${birthYear}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const order = (this.#orders.get(birth) ?? r.int(0, 40)) + r.int(1, 7);
    this.#orders.set(birth, order);
    const given = () => GIVEN[r.int(0, GIVEN.length - 1)];
    person = {
      id: composeIdNumber('145523', birth, order),
      name: SURNAMES[r.int(0, SURNAMES.length - 1)] + given() + (r.chance(0.7) ? given() : ''),
      u: r.next(),
      categories: NEED[r.int(0, NEED.length - 1)],
      level: LEVELS[r.int(0, 2)],
    };
    this.#people.set(key, person);
    return person;
  }
}

export type CsvRow = string[];
export const AID_HEADER: CsvRow = Object.values(AID_COLUMNS);

function gradeText(stage: Stage, grade: number): string {
  if (stage === 'preschool') return ['小班', '中班', '大班'][grade - 1];
  if (stage === 'junior') return ['七年级', '八年级', '九年级'][grade - 1];
  if (stage === 'senior') return ['高一', '高二', '高三'][grade - 1];
  return `${'一二三四五六七八九'[grade - 1]}年级`;
}

const schoolYearOf = (term: Term) => (term.season === 'autumn' ? term.year : term.year - 1);
const labels = (codes: readonly string[]) => codes.map((c) => CATEGORY_LABELS[c]).join('、');
const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(1));

/** The per-term amounts (fen) of the 2023 and 2024–2025 standards (standards.md §3; county tiers for the rest). */
function amountFen(program: string, stage: Stage, term: Term, person: DemoPerson, school: string): number {
  const y2024 = term.year >= 2024;
  const y2025 = term.year >= 2025;
  switch (program) {
    case 'preschool_aid':
      return person.categories.includes('disabled') ? 100_000 : 50_000;
    case 'boarding_subsidy':
      return stage === 'junior' ? (y2024 ? 75_000 : 62_500) : y2024 ? 62_500 : 50_000;
    case 'non_boarding_subsidy':
      return stage === 'junior' ? (y2024 ? 37_500 : 31_250) : y2024 ? 31_250 : 25_000;
    case 'nutrition_program':
      return term.season === 'spring' ? 48_000 : 50_000;
    case 'senior_grant':
    case 'vocational_grant':
      return y2025 ? 115_000 : 100_000;
    case 'senior_tuition_waiver':
      return school === '青禾县第一中学' ? 70_000 : 60_000;
    case 'vocational_tuition_waiver':
      return 100_000;
    default:
      return 50_000;
  }
}

/** The rows of one term for every school, in the import template's columns. */
export function schoolRows(schools: readonly DemoAidSchool[], term: Term, people: DemoPeople): CsvRow[] {
  const rows: CsvRow[] = [];
  const sy = schoolYearOf(term);
  for (const school of schools) {
    if (!school.openIn(term)) continue;
    const students = school.students.get(sy) ?? school.students.get(Math.min(Math.max(sy, 2023), 2024));
    if (!students) continue;
    for (const [statStage, count] of students) {
      const stage = statStage as Stage;
      const years = YEARS_OF[stage];
      const cohort = Math.round(count / years);
      for (let grade = 1; grade <= years; grade++) {
        const entry = sy - grade + 1;
        for (let i = 0; i < cohort; i++) {
          const key = `${school.code}|${stage}|${entry}|${i}`;
          const person = people.person(key, entry - ENTRY_AGE[stage]);
          const programs = programsOf(school, stage, grade, person.u);
          if (!programs.length) continue;
          // A 特教 school teaches the 义务教育 grades: its pupils are paid as 小学 or 初中 pupils.
          const taught: Stage = stage === 'special' ? (grade <= 6 ? 'primary' : 'junior') : stage;
          const klass = `${(i % Math.max(1, Math.ceil(cohort / 45))) + 1}班`;
          for (const program of programs) {
            const categories =
              program === 'nutrition_program' ||
              program === 'vocational_tuition_waiver' ||
              (program === 'vocational_grant' && person.u > 0.1)
                ? []
                : stage === 'special'
                  ? ['disabled']
                  : person.categories;
            rows.push([
              termLabel(term),
              PROGRAM_NAMES[program],
              school.code,
              person.name,
              person.id,
              gradeText(stage === 'special' ? 'primary' : stage, grade),
              klass,
              labels(categories),
              categories.length ? person.level : '',
              yuan(amountFen(program, taught, term, person, school.name)),
            ]);
          }
        }
      }
    }
  }
  return rows;
}

// Who gets what: a person's fixed draw `u` decides, so the same pupils are aided term after term.
function programsOf(school: DemoAidSchool, stage: Stage, grade: number, u: number): string[] {
  // 农村义务教育 in the narrow sense: the 乡村 schools and their 教学点 feed every pupil.
  const rural = school.urbanRural === 'rural';
  const out: string[] = [];
  if (stage === 'preschool' && u < 0.06) out.push('preschool_aid');
  if (stage === 'primary' || stage === 'junior') {
    const boarding =
      school.urbanRural === 'urban' || school.type === 'teaching_point' ? 0 : stage === 'junior' ? 0.12 : 0.04;
    if (u < boarding) out.push('boarding_subsidy');
    else if (u < boarding + 0.06) out.push('non_boarding_subsidy');
    if (rural) out.push('nutrition_program');
    if (u > 0.9985) out.push('county_relief');
  }
  if (stage === 'special' && u < 0.25) out.push('non_boarding_subsidy');
  if (stage === 'senior') {
    if (u < 0.2) out.push('senior_grant');
    if (u < 0.1) out.push('senior_tuition_waiver');
  }
  if (stage === 'vocational') {
    out.push('vocational_tuition_waiver');
    if (u < 0.2 && grade <= 2) out.push('vocational_grant');
  }
  return out;
}

const UNIVERSITIES = [
  ...Array.from({ length: 14 }, (_, i) => `4114${String(10_100 + i * 7).padStart(6, '0')}`),
  ...['4111010001', '4112010005', '4113010011', '4141010021', '4142010003', '4161010007', '4132010019'],
];

/** 生源地贷款 and 新生入学资助 of an autumn term: university students from the county, followed for four years. */
export function universityRows(term: Term, people: DemoPeople): CsvRow[] {
  const rows: CsvRow[] = [];
  const intake = term.year === 2023 ? 300 : 315;
  for (let entry = term.year - 3; entry <= term.year; entry++) {
    const cohort = entry === term.year ? intake : Math.round(intake * (0.96 - 0.02 * (term.year - entry)));
    for (let i = 0; i < cohort; i++) {
      const person = people.person(`uni|${entry}|${i}`, entry - 18);
      const school = UNIVERSITIES[Math.floor(person.u * UNIVERSITIES.length)];
      const grade = `大${'一二三四'[term.year - entry]}`;
      // About nine in ten keep their loan year after year; amounts in whole thousands up to the 16000 ceiling.
      if (person.u < 0.9)
        rows.push([
          termLabel(term),
          PROGRAM_NAMES.student_loan,
          school,
          person.name,
          person.id,
          grade,
          '',
          '',
          '',
          String(6000 + 1000 * ((i + entry) % 11)),
        ]);
      if (entry === term.year && person.u < 0.16)
        rows.push([
          termLabel(term),
          PROGRAM_NAMES.freshman_aid,
          school,
          person.name,
          person.id,
          grade,
          '',
          labels(person.categories),
          person.level,
          school.startsWith('4114') ? '500' : '1000',
        ]);
    }
  }
  return rows;
}
