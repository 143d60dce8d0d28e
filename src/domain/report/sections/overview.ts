/**
 * 基本情况: schools by type, students by 学段 and staff, from the org and stats facts (the 基表 of the 学年), with
 * the change in enrolment against last year. Seed 001 gives the shape: "全县有各级各类学校96所，在校学生34915人".
 */
import type { ReportContext, ReportSection } from '../context';
import { type Block, type Run, text } from '../draft';
import { countChangeRun, countRun, joinRuns, mergePlainRuns } from '../figures';

// School types in the order a county lists them, with the words used in a sentence (教学点 are counted apart).
const SCHOOL_TYPES: readonly [id: string, words: string][] = [
  ['kindergarten', '幼儿园'],
  ['primary', '小学'],
  ['junior', '初级中学'],
  ['nine_year', '九年一贯制学校'],
  ['complete_secondary', '完全中学'],
  ['senior', '普通高中'],
  ['vocational', '中等职业学校'],
  ['special', '特殊教育学校'],
];

const STAGES: readonly [id: string, words: string][] = [
  ['preschool', '在园幼儿'],
  ['primary', '小学'],
  ['junior', '初中'],
  ['senior', '普通高中'],
  ['vocational', '中等职业教育'],
  ['special', '特殊教育学校'],
];

export const overviewSection: ReportSection = {
  id: 'overview',
  order: 10,
  title: () => '统筹各类教育发展，办学规模总体稳定',
  compose(ctx) {
    const runs = [...schools(ctx), ...students(ctx), ...staff(ctx)];
    if (runs.length === 0) return null;
    return [{ kind: 'paragraph', runs: mergePlainRuns(runs) } satisfies Block];
  },
};

function schools(ctx: ReportContext): Run[] {
  const total = ctx.fact('org.schools.total');
  if (!total) return [];
  const runs: Run[] = [text(`全${ctx.area}共有各级各类学校（幼儿园）`), countRun(total)];
  const byType = SCHOOL_TYPES.flatMap(([id, words]) => {
    const fact = ctx.fact(`org.schools.${id}`);
    return fact && fact.value > 0 ? [[text(words), countRun(fact)]] : [];
  });
  if (byType.length > 0) runs.push(text('，其中'), ...joinRuns(byType));
  const points = ctx.fact('org.schools.teaching_point');
  if (points && points.value > 0) runs.push(text('，另有教学点'), countRun(points));
  runs.push(text('。'));
  return runs;
}

function students(ctx: ReportContext): Run[] {
  const total = ctx.fact('stats.students.total');
  if (!total) return [];
  const runs: Run[] = [text('在校学生（含在园幼儿）'), countRun(total)];
  const change = countChangeRun(ctx, total);
  if (change) runs.push(text('，'), change);
  const byStage = STAGES.flatMap(([id, words]) => {
    const fact = ctx.fact(`stats.students.${id}`);
    return fact && fact.value > 0 ? [[text(words), countRun(fact)]] : [];
  });
  if (byStage.length > 0) runs.push(text('；其中'), ...joinRuns(byStage));
  runs.push(text('。'));
  return runs;
}

// The 基表 counts staff for the 学年; the roster's counts (teachers module) stand in when the 基表 has none.
function staff(ctx: ReportContext): Run[] {
  const all = ctx.fact('stats.teachers.staff') ?? ctx.fact('teachers.employed');
  const fullTime = ctx.fact('stats.teachers.full_time') ?? ctx.fact('teachers.full_time');
  const whole = `全${ctx.area}`;
  if (all && fullTime)
    return [text(`${whole}教职工`), countRun(all), text('，其中专任教师'), countRun(fullTime), text('。')];
  if (fullTime) return [text(`${whole}专任教师`), countRun(fullTime), text('。')];
  if (all) return [text(`${whole}教职工`), countRun(all), text('。')];
  return [];
}
