/**
 * Every indicator, declared once: what it is called, its unit, which way is better, where it is computed, the formula
 * in the words of the documents, and the documents. Thresholds are not here: they come from policy configuration
 * keyed by province and year (config/policy.json and the policy_setting table).
 */

export type StageKey = 'preschool' | 'primary' | 'junior' | 'senior' | 'compulsory';
export type Level = 'school' | 'township' | 'county';

export const STAGE_LABELS: Record<StageKey, string> = {
  preschool: '学前',
  primary: '小学',
  junior: '初中',
  senior: '高中阶段',
  compulsory: '义务教育',
};

export interface IndicatorDefinition {
  id: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  stages: readonly StageKey[];
  levels: readonly Level[];
  /** A percentage: its changes are written in 百分点. */
  rate: boolean;
  /** Decimals shown (values are kept unrounded). */
  decimals: number;
  formula: string;
  sources: readonly string[];
  group: 'coverage' | 'class' | 'staffing' | 'quality' | 'quality_cv' | 'basic_cv';
}

const PERCENT = { unit: '%', rate: true, decimals: 2 } as const;
const COUNT = { rate: false, decimals: 0 } as const;
const ALL_LEVELS = ['school', 'township', 'county'] as const;
const AREA_LEVELS = ['township', 'county'] as const;

const DOC_QUALITY = '《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）';
const DOC_BASIC = '《县域义务教育均衡发展督导评估暂行办法》（2012）';
const DOC_PRESCHOOL = '《县域学前教育普及普惠督导评估办法》（教督〔2020〕1号）';
const DOC_STAFFING = '中小学教职工编制标准（中央编办发〔2014〕72号，城乡统一）';
const DOC_STATS = '教育事业统计指标解释';

const coverage: IndicatorDefinition[] = [
  {
    id: 'preschool_ger',
    name: '学前三年毛入园率',
    ...PERCENT,
    direction: 'higher',
    stages: ['preschool'],
    levels: ['county'],
    formula: '在园幼儿数 ÷ 3～5岁户籍人口数 × 100%',
    sources: [DOC_PRESCHOOL, DOC_STATS],
    group: 'coverage',
  },
  {
    id: 'inclusive_coverage',
    name: '普惠性幼儿园覆盖率',
    ...PERCENT,
    direction: 'higher',
    stages: ['preschool'],
    levels: AREA_LEVELS,
    formula: '（公办园在园幼儿数 + 普惠性民办园在园幼儿数）÷ 在园幼儿总数 × 100%',
    sources: [DOC_PRESCHOOL],
    group: 'coverage',
  },
  {
    id: 'public_kindergarten_share',
    name: '公办园在园幼儿占比',
    ...PERCENT,
    direction: 'higher',
    stages: ['preschool'],
    levels: AREA_LEVELS,
    formula: '公办园在园幼儿数 ÷ 在园幼儿总数 × 100%',
    sources: [DOC_PRESCHOOL],
    group: 'coverage',
  },
  {
    id: 'junior_ger',
    name: '初中阶段毛入学率',
    ...PERCENT,
    direction: 'higher',
    stages: ['junior'],
    levels: ['county'],
    formula: '初中在校生数 ÷ 12～14岁户籍人口数 × 100%',
    sources: [DOC_STATS],
    group: 'coverage',
  },
  {
    id: 'senior_ger',
    name: '高中阶段毛入学率',
    ...PERCENT,
    direction: 'higher',
    stages: ['senior'],
    levels: ['county'],
    formula: '（普通高中在校生数 + 中等职业学校在校生数）÷ 15～17岁户籍人口数 × 100%',
    sources: [DOC_STATS, '《高中阶段教育普及攻坚计划（2017—2020年）》'],
    group: 'coverage',
  },
  {
    id: 'consolidation_rate',
    name: '九年义务教育巩固率',
    ...PERCENT,
    direction: 'higher',
    stages: ['compulsory'],
    levels: ['county'],
    formula: '初中九年级在校生数 ÷ 该届学生小学一年级入学时人数（按正常流动调整）× 100%',
    sources: [DOC_STATS],
    group: 'coverage',
  },
  {
    id: 'disabled_enrollment',
    name: '三类残疾儿童少年入学率',
    ...PERCENT,
    direction: 'higher',
    stages: ['compulsory'],
    levels: ['county'],
    formula: '（特殊教育学校就读 + 随班就读 + 送教上门）÷ 适龄三类残疾儿童少年数 × 100%',
    sources: [DOC_QUALITY, '《“十四五”特殊教育发展提升行动计划》（国办发〔2021〕60号）'],
    group: 'coverage',
  },
];

const classes: IndicatorDefinition[] = [
  {
    id: 'large_class_count',
    name: '大班额班数（56～65人）',
    unit: '个',
    ...COUNT,
    direction: 'lower',
    stages: ['primary', 'junior', 'senior', 'compulsory'],
    levels: ALL_LEVELS,
    formula: '班额为56～65人的班级数',
    sources: ['教育部班额标准'],
    group: 'class',
  },
  {
    id: 'large_class_share',
    name: '大班额比例',
    ...PERCENT,
    direction: 'lower',
    stages: ['primary', 'junior', 'senior', 'compulsory'],
    levels: ALL_LEVELS,
    formula: '（大班额班数 + 超大班额班数）÷ 班级总数 × 100%',
    sources: ['教育部班额标准'],
    group: 'class',
  },
  {
    id: 'super_large_class_count',
    name: '超大班额班数（66人及以上）',
    unit: '个',
    ...COUNT,
    direction: 'lower',
    stages: ['primary', 'junior', 'senior', 'compulsory'],
    levels: ALL_LEVELS,
    formula: '班额为66人及以上的班级数',
    sources: ['教育部班额标准'],
    group: 'class',
  },
  {
    id: 'average_class_size',
    name: '平均班额',
    unit: '人',
    rate: false,
    decimals: 1,
    direction: 'lower',
    stages: ['primary', 'junior', 'senior'],
    levels: ALL_LEVELS,
    formula: '在校生数 ÷ 班级数',
    sources: [DOC_STATS],
    group: 'class',
  },
];

const staffing: IndicatorDefinition[] = [
  {
    id: 'student_teacher_ratio',
    name: '生师比',
    unit: '',
    rate: false,
    decimals: 2,
    direction: 'lower',
    stages: ['primary', 'junior', 'senior'],
    levels: ALL_LEVELS,
    formula: '在校生数 ÷ 专任教师数',
    sources: [DOC_STATS],
    group: 'staffing',
  },
  {
    id: 'student_staff_ratio',
    name: '生职比',
    unit: '',
    rate: false,
    decimals: 2,
    direction: 'lower',
    stages: ['primary', 'junior', 'senior'],
    levels: ALL_LEVELS,
    formula: '在校生数 ÷ 教职工数（对照编制标准：小学19、初中13.5、高中12.5）',
    sources: [DOC_STAFFING],
    group: 'staffing',
  },
  {
    id: 'staff_shortage',
    name: '教职工缺编人数',
    unit: '人',
    ...COUNT,
    direction: 'lower',
    stages: ['primary', 'junior', 'senior'],
    levels: ALL_LEVELS,
    formula: '各校按编制标准应配教职工数（在校生数 ÷ 标准生职比，向上取整）减实有教职工数，只计缺编学校之和',
    sources: [DOC_STAFFING],
    group: 'staffing',
  },
  {
    id: 'kindergarten_child_teacher_ratio',
    name: '在园幼儿与专任教师比',
    unit: '',
    rate: false,
    decimals: 2,
    direction: 'lower',
    stages: ['preschool'],
    levels: ALL_LEVELS,
    formula: '在园幼儿数 ÷ 专任教师数（普及普惠县要求不高于15）',
    sources: [DOC_PRESCHOOL],
    group: 'staffing',
  },
];

/** The 7 资源配置 indicators of 优质均衡, per school and 学段 (standards.md §1.1). */
export const QUALITY_INDICATORS = [
  {
    key: 'l1',
    name: '每百名学生拥有高于规定学历教师数',
    unit: '人/百生',
    formula: '高于规定学历专任教师数 ÷ 在校生数 × 100',
  },
  {
    key: 'l2',
    name: '每百名学生拥有县级以上骨干教师数',
    unit: '人/百生',
    formula: '县级及以上骨干教师数 ÷ 在校生数 × 100',
  },
  {
    key: 'l3',
    name: '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
    unit: '人/百生',
    formula: '（体育 + 音乐 + 美术专任教师数）÷ 在校生数 × 100',
  },
  { key: 'l4', name: '生均教学及辅助用房面积', unit: '平方米', formula: '教学及辅助用房面积 ÷ 在校生数' },
  { key: 'l5', name: '生均体育运动场馆面积', unit: '平方米', formula: '体育运动场馆面积 ÷ 在校生数' },
  { key: 'l6', name: '生均教学仪器设备值', unit: '元', formula: '教学仪器设备值（万元）× 10000 ÷ 在校生数' },
  { key: 'l7', name: '每百名学生拥有网络多媒体教室数', unit: '间/百生', formula: '网络多媒体教室数 ÷ 在校生数 × 100' },
] as const;
export type QualityKey = (typeof QUALITY_INDICATORS)[number]['key'];

/** The 8 indicators whose 差异系数 average into the 基本均衡 composite (standards.md §1.3). */
export const BASIC_INDICATORS = [
  { key: 'b1', name: '生均教学及辅助用房面积', unit: '平方米' },
  { key: 'b2', name: '生均体育运动场馆面积', unit: '平方米' },
  { key: 'b3', name: '生均教学仪器设备值', unit: '元' },
  { key: 'b4', name: '每百名学生拥有计算机台数', unit: '台/百生' },
  { key: 'b5', name: '生均图书册数', unit: '册' },
  { key: 'b6', name: '师生比', unit: '' },
  { key: 'b7', name: '生均高于规定学历教师数', unit: '人' },
  { key: 'b8', name: '生均中级及以上专业技术职务教师数', unit: '人' },
] as const;
export type BasicKey = (typeof BASIC_INDICATORS)[number]['key'];

const BALANCE_STAGES = ['primary', 'junior'] as const;

const quality: IndicatorDefinition[] = [
  ...QUALITY_INDICATORS.map(
    (q): IndicatorDefinition => ({
      id: `quality_${q.key}`,
      name: q.name,
      unit: q.unit,
      rate: false,
      decimals: 2,
      direction: 'higher',
      stages: BALANCE_STAGES,
      levels: ALL_LEVELS,
      formula: q.formula,
      sources: [DOC_QUALITY],
      group: 'quality',
    }),
  ),
  {
    id: 'quality_school_met',
    name: '优质均衡资源配置达标项数',
    unit: '项',
    ...COUNT,
    direction: 'higher',
    stages: BALANCE_STAGES,
    levels: ['school'],
    formula: '7项指标中达到标准的项数；至少6项达标且未达标项不低于标准的85%即为该校达标',
    sources: [DOC_QUALITY],
    group: 'quality',
  },
  {
    id: 'quality_school_pass_share',
    name: '资源配置达标学校比例',
    ...PERCENT,
    direction: 'higher',
    stages: BALANCE_STAGES,
    levels: AREA_LEVELS,
    formula: '资源配置达标的学校数 ÷ 参评学校数 × 100%',
    sources: [DOC_QUALITY],
    group: 'quality',
  },
  ...QUALITY_INDICATORS.map(
    (q): IndicatorDefinition => ({
      id: `quality_cv_${q.key}`,
      name: `${q.name}差异系数`,
      unit: '',
      rate: false,
      decimals: 3,
      direction: 'lower',
      stages: BALANCE_STAGES,
      levels: ['county'],
      formula: '按在校生数加权的校际差异系数：CV = √(Σ(Pᵢ/P)(Xᵢ−X̄)²) ÷ X̄',
      sources: [DOC_QUALITY],
      group: 'quality_cv',
    }),
  ),
];

const basic: IndicatorDefinition[] = [
  ...BASIC_INDICATORS.map(
    (b): IndicatorDefinition => ({
      id: `basic_${b.key}`,
      name: `（基本均衡）${b.name}`,
      unit: b.unit,
      rate: false,
      decimals: b.key === 'b6' || b.key === 'b7' || b.key === 'b8' ? 4 : 2,
      direction: 'higher',
      stages: BALANCE_STAGES,
      levels: ['school'],
      formula: `${b.name}（基本均衡校际差异系数的逐校数值）`,
      sources: [DOC_BASIC],
      group: 'basic_cv',
    }),
  ),
  ...BASIC_INDICATORS.map(
    (b): IndicatorDefinition => ({
      id: `basic_cv_${b.key}`,
      name: `（基本均衡）${b.name}差异系数`,
      unit: '',
      rate: false,
      decimals: 3,
      direction: 'lower',
      stages: BALANCE_STAGES,
      levels: ['county'],
      formula: '按在校生数加权的校际差异系数',
      sources: [DOC_BASIC],
      group: 'basic_cv',
    }),
  ),
  {
    id: 'basic_composite_cv',
    name: '基本均衡综合差异系数',
    unit: '',
    rate: false,
    decimals: 3,
    direction: 'lower',
    stages: BALANCE_STAGES,
    levels: ['county'],
    formula: '8项指标差异系数的算术平均值',
    sources: [DOC_BASIC],
    group: 'basic_cv',
  },
];

export const INDICATORS: readonly IndicatorDefinition[] = [...coverage, ...classes, ...staffing, ...quality, ...basic];

const byId = new Map(INDICATORS.map((d) => [d.id, d]));

export function indicator(id: string): IndicatorDefinition {
  const definition = byId.get(id);
  if (!definition) throw new Error(`Unknown indicator ${id}`);
  return definition;
}

export function isIndicator(id: string): boolean {
  return byId.has(id);
}
