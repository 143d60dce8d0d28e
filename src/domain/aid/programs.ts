/**
 * The national 学生资助 programs of standards.md §3, declared once. Every amount carries its source; [unverified]
 * marks a number or date standards.md does not confirm. Provincial tiers and local fees are not shipped: standards.md
 * §8 item 4 lists them as open, so counties set them as local overrides (see standards.ts).
 */
import { termOrdinal } from './standards';
import type { AidProgram } from './types';

// Sources, as listed in standards.md §3.
const SRC_BOARDING =
  '财政部 news (repost): http://ggear.cnhbmt.com/news/07f399277.html ; https://shidian.gov.cn/info/13578/3778043.htm';
const SRC_NON_BOARDING_2019 = '2019 policy, 4 categories: http://www.glxtkj.com/news/shannxi/370125.html';
const SRC_NUTRITION =
  '5元/天: https://nmcqxx.com/www/zfxxgk/c100122/202111/3ab76b5a3ba246648a13cddfc451f330 ; 200天/年: http://cn.chinagate.cn/indepths/fupin/2012-12/21/content_27481804.htm';
const SRC_GRANTS_2024 =
  '财政部·教育部·人社部《关于调整高等教育阶段和高中阶段国家奖助学金政策的通知》(2024): https://feifmx.com/socialgd/10000169/20241031/47482674.html';
const SRC_VOCATIONAL_GRANT_OLD = 'old rule (一、二年级): http://xueqian.lygsf.cn/2023/0912/c336a23959/page.htm';
const SRC_VOCATIONAL_FEE =
  'http://m.ljsggw.cn/techan/0891e5c2cba154c8512d6bb9d33b039f.html ; 2000 benchmark: https://60617075t6.com/html/zwfwzdbsfw....info11623897.html';
const SRC_SENIOR_FEE = '人民网宁夏频道 2024-08-30《宁夏普通高中学生资助政策发布》';
const SRC_LOAN = 'http://m.wybk.com/news/a6cf6cb4f056381db16cbd8601380d35.html';
const SRC_FRESHMAN =
  'http://news.cnhubei.com/xw/kj/201408/t3021358.shtml ; https://e-chinaedu.cn/html/jydt/2014/05-20/c_23978.shtml';
const SRC_FREE_PRESCHOOL =
  '国办发〔2025〕27号《关于逐步推行免费学前教育的意见》: https://ciefr.pku.edu.cn/cbw/kyjb/847af209692648d284f092ea78d8f7fe.htm';

// 教育领域中央与地方财政事权和支出责任划分 shares: not in standards.md, hence unverified.
const FUNDING_HALF = {
  centralShare: { west: 50, central: 50, east: 50 },
  note: '中央与地方按5:5比例分担',
  source: '国办发〔2019〕27号 [unverified]',
  verification: 'unverified',
} as const;
const FUNDING_REGIONAL = {
  centralShare: { west: 80, central: 60 },
  note: '中央与地方分担：西部8:2，中部6:4，东部分省确定',
  source: '国办发〔2019〕27号 [unverified]',
  verification: 'unverified',
} as const;

export const NATIONAL_AID_PROGRAMS: readonly AidProgram[] = [
  {
    id: 'preschool_aid',
    name: '学前教育家庭经济困难儿童资助',
    stages: ['preschool'],
    reportGroup: 'school_aid',
    funding: { note: '地方先行、中央奖补', source: 'standards.md §3 [unverified]', verification: 'unverified' },
    requiresCategory: true,
    exclusiveWith: [],
    // Amount set by the province or county: no shipped standard (standards.md §3, e.g. 新密 450元/学期 [computed]).
    standards: [],
  },
  {
    id: 'preschool_fee_waiver',
    name: '学前教育免保育教育费',
    stages: ['preschool'],
    reportGroup: 'school_aid',
    funding: {
      centralShare: { west: 80, central: 60, east: 50 },
      note: '中央分担80%/60%/50%（按地区档次）',
      source: SRC_FREE_PRESCHOOL,
      verification: 'src',
    },
    requiresCategory: false,
    exclusiveWith: [],
    standards: [
      // 大班 (学前一年) only; the amount is the approved local fee, so the county must configure it.
      {
        from: { year: 2025, season: 'autumn' },
        basis: 'fixed',
        unit: 'term',
        tiers: [],
        grades: [3],
        source: SRC_FREE_PRESCHOOL,
        verification: 'src',
      },
    ],
  },
  {
    id: 'boarding_subsidy',
    name: '义务教育家庭经济困难寄宿生生活补助',
    stages: ['primary', 'junior'],
    reportGroup: 'school_aid',
    funding: FUNDING_HALF,
    requiresCategory: true,
    exclusiveWith: ['non_boarding_subsidy'],
    standards: [
      {
        // The amounts are standards.md's "previously 1000 / 1250"; the start term is [unverified].
        from: { year: 2019, season: 'autumn' },
        basis: 'fixed',
        unit: 'year',
        tiers: [
          { id: 'primary', label: '小学', yuan: 1000, stages: ['primary'] },
          { id: 'junior', label: '初中', yuan: 1250, stages: ['junior'] },
        ],
        source: SRC_BOARDING,
        verification: 'src',
      },
      {
        from: { year: 2024, season: 'spring' },
        basis: 'fixed',
        unit: 'year',
        tiers: [
          { id: 'primary', label: '小学', yuan: 1250, stages: ['primary'] },
          { id: 'junior', label: '初中', yuan: 1500, stages: ['junior'] },
        ],
        source: SRC_BOARDING,
        verification: 'src',
      },
    ],
  },
  {
    id: 'non_boarding_subsidy',
    name: '义务教育家庭经济困难非寄宿生生活补助',
    stages: ['primary', 'junior'],
    reportGroup: 'school_aid',
    funding: FUNDING_HALF,
    requiresCategory: true,
    // 2019 policy: 建档立卡, 非建档立卡家庭经济困难残疾学生, 农村低保, 农村特困供养.
    eligibleCategories: ['poverty_alleviated', 'disabled', 'minimum_living', 'destitute'],
    exclusiveWith: ['boarding_subsidy'],
    standards: [
      {
        // 50% of the boarder standard of the time [computed]; introduced 2019 秋 [src].
        from: { year: 2019, season: 'autumn' },
        basis: 'fixed',
        unit: 'year',
        tiers: [
          { id: 'primary', label: '小学', yuan: 500, stages: ['primary'] },
          { id: 'junior', label: '初中', yuan: 625, stages: ['junior'] },
        ],
        source: `50% of the boarder standard [computed]; ${SRC_NON_BOARDING_2019}`,
        verification: 'computed',
      },
      {
        from: { year: 2024, season: 'spring' },
        basis: 'fixed',
        unit: 'year',
        tiers: [
          { id: 'primary', label: '小学', yuan: 625, stages: ['primary'] },
          { id: 'junior', label: '初中', yuan: 750, stages: ['junior'] },
        ],
        source: SRC_BOARDING,
        verification: 'src',
      },
    ],
  },
  {
    id: 'nutrition_program',
    name: '农村义务教育学生营养改善计划',
    stages: ['primary', 'junior'],
    reportGroup: 'nutrition',
    funding: {
      note: '国家试点中央全额承担；地方试点中央奖补4元/生/天',
      source: SRC_NUTRITION,
      verification: 'src',
    },
    requiresCategory: false,
    exclusiveWith: [],
    standards: [
      {
        from: { year: 2021, season: 'autumn' },
        basis: 'per_day',
        unit: 'day',
        tiers: [{ id: 'standard', label: '每生', yuan: 5 }],
        maxDaysPerYear: 200,
        source: SRC_NUTRITION,
        verification: 'src',
      },
    ],
  },
  {
    id: 'senior_grant',
    name: '普通高中国家助学金',
    stages: ['senior'],
    reportGroup: 'school_aid',
    funding: FUNDING_REGIONAL,
    requiresCategory: true,
    exclusiveWith: ['vocational_grant'],
    standards: [
      {
        // National average; 2–3 tiers are set locally (standards.md §8 item 4). Start term [unverified].
        from: { year: 2019, season: 'autumn' },
        basis: 'fixed',
        unit: 'year',
        tiers: [{ id: 'standard', label: '平均标准', yuan: 2000 }],
        source: SRC_GRANTS_2024,
        verification: 'src',
      },
      {
        from: { year: 2025, season: 'spring' },
        basis: 'fixed',
        unit: 'year',
        tiers: [{ id: 'standard', label: '平均标准', yuan: 2300 }],
        source: SRC_GRANTS_2024,
        verification: 'src',
      },
    ],
  },
  {
    id: 'senior_tuition_waiver',
    name: '普通高中免学杂费',
    stages: ['senior'],
    reportGroup: 'school_aid',
    funding: FUNDING_REGIONAL,
    requiresCategory: true,
    eligibleCategories: ['poverty_alleviated', 'monitored', 'disabled', 'minimum_living', 'destitute'],
    exclusiveWith: ['vocational_tuition_waiver'],
    standards: [
      // The local public school fee (e.g. 宁夏 800/年): configured by the county. Start 2016 秋 [unverified].
      {
        from: { year: 2016, season: 'autumn' },
        basis: 'fixed',
        unit: 'year',
        tiers: [],
        source: SRC_SENIOR_FEE,
        verification: 'unverified',
      },
    ],
  },
  {
    id: 'vocational_grant',
    name: '中等职业教育国家助学金',
    stages: ['vocational'],
    reportGroup: 'school_aid',
    funding: FUNDING_REGIONAL,
    // 涉农专业 students receive it without a hardship category, so a category cannot be required.
    requiresCategory: false,
    exclusiveWith: ['senior_grant'],
    standards: [
      {
        // Start term [unverified]; amount and 一、二年级 coverage [src].
        from: { year: 2019, season: 'autumn' },
        basis: 'fixed',
        unit: 'year',
        tiers: [{ id: 'standard', label: '平均标准', yuan: 2000 }],
        grades: [1, 2],
        source: SRC_VOCATIONAL_GRANT_OLD,
        verification: 'src',
      },
      {
        from: { year: 2025, season: 'spring' },
        basis: 'fixed',
        unit: 'year',
        tiers: [{ id: 'standard', label: '平均标准', yuan: 2300 }],
        grades: [1, 2, 3],
        source: SRC_GRANTS_2024,
        verification: 'src',
      },
    ],
  },
  {
    id: 'vocational_tuition_waiver',
    name: '中等职业教育免学费',
    stages: ['vocational'],
    reportGroup: 'school_aid',
    funding: FUNDING_REGIONAL,
    requiresCategory: false,
    exclusiveWith: ['senior_tuition_waiver'],
    standards: [
      {
        // The central 测算 benchmark; a county whose approved fee differs overrides it. Start term [unverified].
        from: { year: 2019, season: 'autumn' },
        basis: 'fixed',
        unit: 'year',
        tiers: [{ id: 'benchmark', label: '中央测算标准', yuan: 2000 }],
        grades: [1, 2, 3],
        source: SRC_VOCATIONAL_FEE,
        verification: 'src',
      },
    ],
  },
  {
    id: 'student_loan',
    name: '生源地信用助学贷款',
    reportPhrase: '发放生源地助学贷款',
    stages: ['university'],
    reportGroup: 'loan',
    funding: { note: '在校期间财政全额贴息', source: SRC_LOAN, verification: 'src' },
    // 认定 is done by the 资助中心 when the loan is signed; the list need not carry a category.
    requiresCategory: false,
    exclusiveWith: [],
    standards: [
      {
        // 12000 / 16000 from 2021 秋: not in standards.md [unverified].
        from: { year: 2021, season: 'autumn' },
        basis: 'ceiling',
        unit: 'year',
        minYuan: 1000,
        tiers: [
          { id: 'undergraduate', label: '本专科生', yuan: 12000 },
          { id: 'postgraduate', label: '研究生', yuan: 16000, gradeKeywords: ['研究生', '硕士', '博士'] },
        ],
        source: '[unverified] previous ceilings',
        verification: 'unverified',
      },
      {
        // A later raise to 20000/25000 is [unverified] (standards.md §8 item 3) and not shipped.
        from: { year: 2023, season: 'autumn' },
        basis: 'ceiling',
        unit: 'year',
        minYuan: 1000,
        tiers: [
          { id: 'undergraduate', label: '本专科生', yuan: 16000 },
          { id: 'postgraduate', label: '研究生', yuan: 20000, gradeKeywords: ['研究生', '硕士', '博士'] },
        ],
        source: SRC_LOAN,
        verification: 'src',
      },
    ],
  },
  {
    id: 'freshman_aid',
    name: '大学新生入学资助',
    reportPhrase: '资助大学生路费',
    stages: ['university'],
    reportGroup: 'freshman_travel',
    funding: { note: '中央专项彩票公益金', source: SRC_FRESHMAN, verification: 'src' },
    requiresCategory: true,
    exclusiveWith: [],
    oncePerPerson: true,
    standards: [
      {
        // The 2014 articles; the program's first term is [unverified].
        from: { year: 2014, season: 'autumn' },
        basis: 'fixed',
        unit: 'once',
        tiers: [
          { id: 'in_province', label: '省内院校', yuan: 500 },
          { id: 'out_of_province', label: '省外院校', yuan: 1000 },
        ],
        source: SRC_FRESHMAN,
        verification: 'src',
      },
    ],
  },
];

/** The program with this id. */
export function programById(programs: readonly AidProgram[], id: string): AidProgram | undefined {
  return programs.find((program) => program.id === id);
}

/** The program named by an import cell: its Chinese name or its id. */
export function programFromText(programs: readonly AidProgram[], text: string): AidProgram | undefined {
  const value = text.trim();
  return programs.find((program) => program.id === value || program.name === value);
}

/** Problems of a declaration, in Chinese, so a county's local program is checked before it is saved. */
export function aidProgramProblems(program: AidProgram, all: readonly AidProgram[]): string[] {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9_]*$/.test(program.id)) problems.push(`项目标识“${program.id}”应为小写英文、数字和下划线`);
  if (all.some((other) => other !== program && other.id === program.id)) problems.push(`项目标识“${program.id}”重复`);
  if (program.name.trim() === '') problems.push('项目名称不能为空');
  if (program.stages.length === 0) problems.push(`“${program.name}”未指定适用学段`);
  for (const id of program.exclusiveWith) {
    if (!programById(all, id)) problems.push(`“${program.name}”的互斥项目“${id}”不存在`);
  }
  for (let i = 1; i < program.standards.length; i++) {
    if (termOrdinal(program.standards[i].from) <= termOrdinal(program.standards[i - 1].from)) {
      problems.push(`“${program.name}”的资助标准应按起始学期先后排列，且起始学期不能相同`);
    }
  }
  return problems;
}
