import { describe, expect, it } from 'vitest';
import { runsText } from '../draft';
import { context, factSet, rate } from '../test-fixtures';
import { enrolmentProblem, preschoolCoverageProblem } from './coverage';

describe('preschoolCoverageProblem', () => {
  it('names the rates below the 普及普惠 standard, with their thresholds, and sets them as targets', () => {
    const ctx = context(
      factSet(
        rate('indicators.preschool_ger.preschool', 92.35, 85),
        rate('indicators.inclusive_coverage.preschool', 78.4, 80),
        rate('indicators.public_kindergarten_share.preschool', 46.2, 50),
      ),
    );
    const problem = preschoolCoverageProblem.detect(ctx);
    expect(runsText(problem!.evidence)).toBe(
      '学前教育普及普惠仍有差距，普惠性幼儿园覆盖率、公办园在园幼儿占比分别为78.40%、46.20%，分别低于80%、50%的普及普惠县评估标准',
    );
    expect(runsText(problem!.plan)).toBe(
      '加快推进学前教育普及普惠。新建、改扩建一批公办幼儿园，积极扶持普惠性民办幼儿园发展，力争普惠性幼儿园覆盖率、公办园在园幼儿占比分别达到80%、50%以上。',
    );
    expect(problem!.evidence.filter((run) => run.fact).map((run) => run.fact)).toMatchObject([
      { factId: 'indicators.inclusive_coverage.preschool', value: 78.4 },
      { factId: 'indicators.public_kindergarten_share.preschool', value: 46.2 },
      { factId: 'indicators.inclusive_coverage.preschool#threshold', value: 80 },
      { factId: 'indicators.public_kindergarten_share.preschool#threshold', value: 50 },
    ]);
  });

  it('finds nothing when every rate meets its threshold, or has none', () => {
    const ctx = context(
      factSet(
        rate('indicators.preschool_ger.preschool', 92.35, 85),
        rate('indicators.inclusive_coverage.preschool', 80, 80),
        rate('indicators.public_kindergarten_share.preschool', 30),
      ),
    );
    expect(preschoolCoverageProblem.detect(ctx)).toBeNull();
  });
});

describe('enrolmentProblem', () => {
  it('writes a shared threshold once and answers each rate with its own measure', () => {
    const ctx = context(
      factSet(
        rate('indicators.consolidation_rate.compulsory', 95.1, 95),
        rate('indicators.disabled_enrollment.compulsory', 93, 95),
        rate('indicators.senior_ger.senior', 88.4, 95),
      ),
    );
    const problem = enrolmentProblem.detect(ctx);
    expect(runsText(problem!.evidence)).toBe(
      '各学段普及水平仍需巩固提高，三类残疾儿童少年入学率、高中阶段毛入学率分别为93.00%、88.40%，低于95%的目标要求',
    );
    expect(runsText(problem!.plan)).toBe(
      '巩固提升各学段普及水平。落实适龄残疾儿童少年“一人一案”，完善特殊教育学校就读、随班就读和送教上门安置体系，扩大普通高中和中等职业教育优质学位供给，力争三类残疾儿童少年入学率、高中阶段毛入学率均达到95%以上。',
    );
  });

  it('finds nothing when 巩固率, 三残 and 高中阶段毛入学率 meet their thresholds', () => {
    const ctx = context(
      factSet(
        rate('indicators.consolidation_rate.compulsory', 96.52, 96),
        rate('indicators.disabled_enrollment.compulsory', 97.3, 95),
        rate('indicators.senior_ger.senior', 91.86, 90),
      ),
    );
    expect(enrolmentProblem.detect(ctx)).toBeNull();
  });
});
