/**
 * 办学条件与均衡发展: the indicator facts of the 学年 (stats module), in the shape of seed 001's （四）: "一是发展学前
 * 普惠教育。……学前三年毛入学率94.7%，普惠性幼儿园覆盖率86.9%……二是均衡发展义务教育。……校际综合差异系数分别为
 * 0.283、0.403。" Shortfalls are only stated here as figures; the 存在的问题 detectors judge them.
 */
import { chineseNumeral } from '../../phrasing/numerals';
import type { NumericFact, ReportContext, ReportSection } from '../context';
import { type Run, text } from '../draft';
import {
  countChangeRun,
  countRun,
  decimalRun,
  joinRuns,
  mergePlainRuns,
  rateChangeRun,
  rateRun,
  respectively,
} from '../figures';

interface Point {
  topic: string;
  runs: Run[];
}

export const conditionsSection: ReportSection = {
  id: 'conditions',
  order: 20,
  title: () => '推进均衡发展，办学条件持续改善',
  compose(ctx) {
    const points = [preschool(ctx), enrolment(ctx), classesAndStaff(ctx), balance(ctx)].filter(
      (point): point is Point => point !== null,
    );
    if (points.length === 0) return null;
    // 一是……。二是……。 as seed 001 numbers the topics of one paragraph; a single topic needs no number.
    const runs = points.flatMap((point, index) => [
      text(`${points.length > 1 ? `${chineseNumeral(index + 1)}是` : ''}${point.topic}。`),
      ...point.runs,
    ]);
    return [{ kind: 'paragraph', runs: mergePlainRuns(runs) }];
  },
};

const STAGE_WORDS = { primary: '小学', junior: '初中', senior: '普通高中' } as const;
type Stage = keyof typeof STAGE_WORDS;

// A rate, with its change against last year when there is one: '学前三年毛入园率92.35%，较上年提高1.2个百分点'.
function rateClause(ctx: ReportContext, words: string, id: string): Run[] | null {
  const fact = ctx.fact(id);
  if (!fact) return null;
  const change = rateChangeRun(ctx, fact);
  return [text(words), rateRun(fact), ...(change ? [text('，'), change] : [])];
}

function sentence(clauses: (Run[] | null)[], separator = '；'): Run[] {
  const present = clauses.filter((clause): clause is Run[] => clause !== null);
  return present.length > 0 ? [...joinRuns(present, separator), text('。')] : [];
}

function preschool(ctx: ReportContext): Point | null {
  const runs = sentence([
    rateClause(ctx, '学前三年毛入园率', 'indicators.preschool_ger.preschool'),
    rateClause(ctx, '普惠性幼儿园覆盖率', 'indicators.inclusive_coverage.preschool'),
    rateClause(ctx, '公办园在园幼儿占比', 'indicators.public_kindergarten_share.preschool'),
  ]);
  return runs.length > 0 ? { topic: '推进学前教育普及普惠', runs } : null;
}

function enrolment(ctx: ReportContext): Point | null {
  const runs = sentence([
    rateClause(ctx, '九年义务教育巩固率', 'indicators.consolidation_rate.compulsory'),
    rateClause(ctx, '三类残疾儿童少年入学率', 'indicators.disabled_enrollment.compulsory'),
    rateClause(ctx, '高中阶段毛入学率', 'indicators.senior_ger.senior'),
  ]);
  return runs.length > 0 ? { topic: '巩固义务教育和高中阶段教育普及成果', runs } : null;
}

function classesAndStaff(ctx: ReportContext): Point | null {
  const runs = [...classSizes(ctx), ...ratios(ctx), ...staffing(ctx)];
  return runs.length > 0 ? { topic: '优化班额和师资配置', runs } : null;
}

function classSizes(ctx: ReportContext): Run[] {
  const large = ctx.fact('indicators.large_class_count.compulsory');
  const superLarge = ctx.fact('indicators.super_large_class_count.compulsory');
  if (!large || !superLarge) return [];
  if (large.value === 0 && superLarge.value === 0) return [text('义务教育阶段已全面消除大班额。')];
  const change = (fact: NumericFact) => {
    const run = countChangeRun(ctx, fact);
    return run ? [text('，'), run] : [];
  };
  if (superLarge.value === 0)
    return [text('义务教育阶段已消除超大班额，大班额班级'), countRun(large), ...change(large), text('。')];
  return [
    text('义务教育阶段有大班额班级'),
    countRun(large),
    ...change(large),
    text('，超大班额班级'),
    countRun(superLarge),
    ...change(superLarge),
    text('。'),
  ];
}

function ratios(ctx: ReportContext): Run[] {
  const present = (Object.keys(STAGE_WORDS) as Stage[]).flatMap((stage) => {
    const fact = ctx.fact(`indicators.student_teacher_ratio.${stage}`);
    return fact ? [{ stage, fact }] : [];
  });
  if (present.length === 0) return [];
  return [
    ...respectively(
      present.map((entry) => STAGE_WORDS[entry.stage]),
      present.map((entry) => decimalRun(entry.fact, 2, '∶1')),
      '生师比',
    ),
    text('。'),
  ];
}

// Only a county with no gap in any 学段 says so here; a gap is a problem (problems/teachers.ts).
function staffing(ctx: ReportContext): Run[] {
  const gaps = (Object.keys(STAGE_WORDS) as Stage[]).flatMap((stage) => {
    const fact = ctx.fact(`indicators.staff_shortage.${stage}`);
    return fact ? [fact] : [];
  });
  return gaps.length > 0 && gaps.every((fact) => fact.value === 0) ? [text('中小学教职工均按编制标准配齐。')] : [];
}

function balance(ctx: ReportContext): Point | null {
  const stages = ['primary', 'junior'] as const;
  const clause = (id: (stage: (typeof stages)[number]) => string, words: string, render: (f: NumericFact) => Run) => {
    const present = stages.flatMap((stage) => {
      const fact = ctx.fact(id(stage));
      return fact ? [{ stage, fact }] : [];
    });
    if (present.length === 0) return null;
    return respectively(
      present.map((entry) => STAGE_WORDS[entry.stage]),
      present.map((entry) => render(entry.fact)),
      words,
    );
  };
  const clauses = [
    clause((stage) => `indicators.quality_school_pass_share.${stage}`, '资源配置达标学校比例', rateRun),
    clause(
      (stage) => `indicators.basic_composite_cv.${stage}`,
      '校际综合差异系数',
      (fact) => decimalRun(fact, 3),
    ),
    qualityCvsMet(ctx),
  ];
  const runs = sentence(clauses, '，');
  return runs.length > 0 ? { topic: '推进义务教育优质均衡发展', runs } : null;
}

const QUALITY_KEYS = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7'] as const;

// Said only when every published 差异系数 of a 学段 meets its standard; failing ones are problems.
function qualityCvsMet(ctx: ReportContext): Run[] | null {
  const met = (['primary', 'junior'] as const).filter((stage) => {
    const facts = QUALITY_KEYS.map((key) => ctx.facts.get(`indicators.quality_cv_${key}.${stage}`));
    return facts.every((fact) => fact?.threshold?.pass === true);
  });
  if (met.length === 0) return null;
  return [text(`${met.map((stage) => STAGE_WORDS[stage]).join('、')}各项资源配置指标校际差异系数均达到评估标准`)];
}
