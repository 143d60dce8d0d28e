/**
 * 大班额 (56–65) and 超大班额 (66+) classes still open at the statistics date, in 义务教育 (with the schools that have
 * them, named when few) and in 普通高中; the 大班额 share when it is above its control target.
 */
import { detailSchools, failsThreshold, type NumericFact, type ProblemDetector, type ReportContext } from '../context';
import { type Run, text } from '../draft';
import { countRun, joinRuns, mergePlainRuns, namedSchools, rateRun, thresholdRun } from '../figures';

export const classSizeProblem: ProblemDetector = {
  id: 'class-size',
  order: 40,
  detect(ctx) {
    const compulsory = counts(ctx, 'compulsory');
    const senior = counts(ctx, 'senior');
    if (!compulsory && !senior) return null;
    const clauses: Run[][] = [];
    if (compulsory) clauses.push([text('义务教育阶段仍有'), ...compulsory.runs, ...schools(ctx)]);
    if (senior) clauses.push([text('普通高中仍有'), ...senior.runs]);
    const share = ctx.facts.get('indicators.large_class_share.compulsory');
    const shareFails = failsThreshold(share);
    if (shareFails)
      clauses.push([
        text('义务教育大班额比例为'),
        rateRun(share),
        text('，高于'),
        thresholdRun(share, true),
        text('的控制目标'),
      ]);
    const superLarge = (compulsory?.superLarge ?? 0) + (senior?.superLarge ?? 0) > 0;
    const target: Run[] = [
      ...(superLarge ? [text('全面消除超大班额，')] : []),
      ...(shareFails
        ? [text('将大班额比例控制在'), thresholdRun(share, true), text('以内')]
        : [text('逐步消除大班额')]),
    ];
    return {
      id: 'class-size',
      evidence: mergePlainRuns([text('部分学校学位供给依然紧张，'), ...joinRuns(clauses, '，')]),
      plan: mergePlainRuns([
        text('有序化解大班额。统筹城乡学校布局和招生计划，通过新建、改扩建校舍和均衡编班等措施扩充学位，'),
        ...target,
        text('。'),
      ]),
    };
  },
};

// '大班额班级12个、超大班额班级2个', naming only the kinds that remain.
function counts(ctx: ReportContext, stage: string): { runs: Run[]; superLarge: number } | null {
  const kinds: [NumericFact | undefined, string][] = [
    [ctx.fact(`indicators.large_class_count.${stage}`), '大班额班级'],
    [ctx.fact(`indicators.super_large_class_count.${stage}`), '超大班额班级'],
  ];
  const present = kinds.flatMap(([fact, words]) => (fact && fact.value > 0 ? [[text(words), countRun(fact)]] : []));
  if (present.length === 0) return null;
  return { runs: joinRuns(present), superLarge: kinds[1][0]?.value ?? 0 };
}

// '，涉及3所学校（实验小学、第一中学、城关小学）'.
function schools(ctx: ReportContext): Run[] {
  const fact = ctx.fact('indicators.large_class_schools.compulsory');
  if (!fact || fact.value === 0) return [];
  return [text('，涉及'), countRun(fact, '所学校'), text(namedSchools(detailSchools(fact)))];
}
