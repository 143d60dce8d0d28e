/**
 * Coded vocabularies of the teacher roster (教师队伍, PRODUCT.md §3.3). Keys are stable English codes stored in the
 * database; labels are the words of templates, dropdowns and reports. `codeFromLabel` and `labelsOf` from
 * `org/school-types` work on every table here.
 */
import type { StatStage } from '../indicators/inputs';
import { STAGES } from '../org/school-types';

/** 学段 a teacher serves: the 基表 split (StatStage), so roster counts land on the right 基表 row. */
export type TeacherStage = StatStage;
export const TEACHER_STAGES: Record<TeacherStage, string> = STAGES;
const STAGE_ORDER = Object.keys(STAGES) as TeacherStage[];
/** Sorts 学段 from 学前 to 特教, the order of the 基表. */
export const compareStages = (a: TeacherStage, b: TeacherStage): number =>
  STAGE_ORDER.indexOf(a) - STAGE_ORDER.indexOf(b);

/** 岗位 (教育统计: 教职工 = 专任教师 + 行政人员 + 教辅人员 + 工勤人员). */
export const POSTS = {
  full_time_teacher: '专任教师',
  administrative: '管理',
  teaching_support: '教辅',
  logistics: '工勤',
} as const;
export type Post = keyof typeof POSTS;

/**
 * Subject a 专任教师 mainly teaches (主要任教学科). Names follow 义务教育课程方案（2022年版）: 道德与法治 replaced
 * 品德与生活/品德与社会/思想品德, 信息科技 and 劳动 became subjects of their own; 高中 keeps 思想政治. `fullLabel`
 * is the course name where it differs from the short word used in 基表 headers (体育专任教师数).
 */
export const SUBJECTS = {
  chinese: { label: '语文' },
  math: { label: '数学' },
  english: { label: '英语' },
  other_foreign: { label: '其他外语' },
  morality_law: { label: '道德与法治' },
  politics: { label: '思想政治', fullLabel: '思想政治（高中）' },
  science: { label: '科学' },
  physics: { label: '物理' },
  chemistry: { label: '化学' },
  biology: { label: '生物', fullLabel: '生物学' },
  history: { label: '历史' },
  geography: { label: '地理' },
  pe: { label: '体育', fullLabel: '体育与健康' },
  music: { label: '音乐' },
  art: { label: '美术' },
  mental_health: { label: '心理健康', fullLabel: '心理健康教育' },
  it: { label: '信息科技', fullLabel: '信息科技（信息技术）' },
  labor: { label: '劳动' },
  integrated_practice: { label: '综合实践', fullLabel: '综合实践活动' },
  preschool: { label: '学前教育' },
  special_education: { label: '特殊教育' },
  vocational_specialty: { label: '专业课', fullLabel: '中职专业课' },
  other: { label: '其他' },
} as const satisfies Record<string, { label: string; fullLabel?: string }>;
export type Subject = keyof typeof SUBJECTS;

/**
 * Highest education (最高学历), in the 教育统计 categories, ordered from highest to lowest. `rank` orders them:
 * a higher rank is a higher degree.
 */
export const EDUCATION_LEVELS = {
  doctorate: { label: '博士研究生', rank: 6 },
  master: { label: '硕士研究生', rank: 5 },
  bachelor: { label: '本科', rank: 4 },
  associate: { label: '专科', rank: 3 },
  senior_secondary: { label: '高中/中专', fullLabel: '高中阶段（含中专、中师）', rank: 2 },
  below_senior_secondary: { label: '高中以下', fullLabel: '高中阶段以下', rank: 1 },
} as const satisfies Record<string, { label: string; fullLabel?: string; rank: number }>;
export type EducationLevel = keyof typeof EDUCATION_LEVELS;

/**
 * 中小学教师职称 after the 2015 reform (人社部发〔2015〕79号): 正高级 = 正高, 高级 = 副高, 一级 = 中级,
 * 二级 = 助理级, 三级 = 员级. The same scale serves the held title (评) and the appointed post level (聘).
 */
export const TITLES = {
  senior_professor: { label: '正高级教师', rank: 5, grade: '正高级' },
  senior: { label: '高级教师', rank: 4, grade: '副高级' },
  first: { label: '一级教师', rank: 3, grade: '中级' },
  second: { label: '二级教师', rank: 2, grade: '助理级' },
  third: { label: '三级教师', rank: 1, grade: '员级' },
  unrated: { label: '未定级', rank: 0, grade: '未定级' },
} as const satisfies Record<string, { label: string; rank: number; grade: string }>;
export type Title = keyof typeof TITLES;

/** 中级及以上 (the 基表 column 中级及以上职称专任教师数) = 一级教师 or higher. */
export const MID_TITLE_MIN_RANK = TITLES.first.rank;

/** 编制 status. 代课 teachers are not 教职工 in 教育统计; see `structure.ts`. */
export const ESTABLISHMENTS = {
  in_establishment: '在编',
  contract: '编外合同',
  dispatched: '劳务派遣',
  substitute: '代课',
} as const;
export type Establishment = keyof typeof ESTABLISHMENTS;

/** Recruitment channel (补充渠道). `transfer_in` and `other` cover teachers who arrived before the platform. */
export const RECRUITMENT_CHANNELS = {
  open_recruitment: '公开招聘',
  special_post: '特岗计划',
  three_supports: '三支一扶',
  funded_normal_student: '公费师范生',
  dispatch: '劳务派遣',
  talent_introduction: '人才引进',
  substitute: '代课',
  transfer_in: '县外调入',
  other: '其他',
} as const;
export type RecruitmentChannel = keyof typeof RECRUITMENT_CHANNELS;

/** How a teacher moves between schools. */
export const TRANSFER_KINDS = {
  exchange_rotation: '交流轮岗',
  county_managed: '县管校聘',
  turnover_pool: '周转池安置',
  reassignment: '调动',
} as const;
export type TransferKind = keyof typeof TRANSFER_KINDS;

/** 骨干教师 level: the body that recognised the teacher. 县级及以上 counts for 优质均衡 L2. */
export const BACKBONE_LEVELS = {
  county: { label: '县级', rank: 1 },
  city: { label: '市级', rank: 2 },
  province: { label: '省级', rank: 3 },
} as const satisfies Record<string, { label: string; rank: number }>;
export type BackboneLevel = keyof typeof BACKBONE_LEVELS;

/** Optional 梯次培养 tier, as in the seeds: "合格教师—骨干教师—精英教师—卓越教师". */
export const BACKBONE_TIERS = {
  qualified: '合格教师',
  backbone: '骨干教师',
  elite: '精英教师',
  outstanding: '卓越教师',
} as const;
export type BackboneTier = keyof typeof BACKBONE_TIERS;

/** Level of an honour (表彰奖励), by the body that conferred it. */
export const HONOR_LEVELS = {
  school: '校级',
  county: '县级',
  city: '市级',
  province: '省级',
  national: '国家级',
} as const;
export type HonorLevel = keyof typeof HONOR_LEVELS;

/** 师德考核 result. Only 不合格 triggers 一票否决 (see `ethics.ts`). */
export const ETHICS_RESULTS = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
} as const;
export type EthicsResult = keyof typeof ETHICS_RESULTS;

/** Training level (培训层级). */
export const TRAINING_LEVELS = {
  national: '国培',
  provincial: '省培',
  city: '市培',
  county: '县培',
  school_based: '校本',
} as const;
export type TrainingLevel = keyof typeof TRAINING_LEVELS;

/** Sex as read from the ID number. */
export const SEXES = { male: '男', female: '女' } as const;
export type Sex = keyof typeof SEXES;
