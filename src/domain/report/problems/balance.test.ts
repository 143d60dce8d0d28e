import { describe, expect, it } from 'vitest';
import { runsText } from '../draft';
import { coefficient, context, fact, factSet, rate } from '../test-fixtures';
import { balanceCoefficientsProblem, balanceSchoolsProblem } from './balance';

describe('balanceCoefficientsProblem', () => {
  it('names every failing 差异系数 by 学段, with the 基本均衡 composite in a clause of its own', () => {
    const ctx = context(
      factSet(
        coefficient('indicators.quality_cv_l1.primary', 0.21, 0.5),
        coefficient('indicators.quality_cv_l5.primary', 0.562, 0.5),
        coefficient('indicators.quality_cv_l7.primary', 0.534, 0.5),
        coefficient('indicators.quality_cv_l3.junior', 0.47, 0.45),
        coefficient('indicators.basic_composite_cv.junior', 0.581, 0.55),
      ),
    );
    const problem = balanceCoefficientsProblem.detect(ctx);
    expect(runsText(problem!.evidence)).toBe(
      '义务教育校际资源配置还不够均衡，小学生均体育运动场馆面积、每百名学生拥有网络多媒体教室数差异系数分别为0.562、0.534，高于0.50的标准，' +
        '初中每百名学生拥有体育、艺术（美术、音乐）专任教师数差异系数为0.470，高于0.45的标准，初中基本均衡综合差异系数为0.581，高于0.55的标准',
    );
    expect(runsText(problem!.plan)).toBe(
      '持续推进义务教育优质均衡发展。统筹城乡教育资源配置，优先改善薄弱学校办学条件，加大骨干教师向乡村学校、薄弱学校交流力度，推动各项指标校际差异系数控制在标准以内。',
    );
    expect(problem!.evidence.find((run) => run.text === '0.562')?.fact).toMatchObject({
      factId: 'indicators.quality_cv_l5.primary',
      value: 0.562,
    });
  });

  it('finds nothing when every coefficient is within its threshold', () => {
    const ctx = context(
      factSet(
        coefficient('indicators.quality_cv_l5.primary', 0.5, 0.5),
        coefficient('indicators.basic_composite_cv.primary', 0.412, 0.65),
        fact('indicators.basic_cv_b5.primary', 0.9, ''),
      ),
    );
    expect(balanceCoefficientsProblem.detect(ctx)).toBeNull();
  });
});

describe('balanceSchoolsProblem', () => {
  it('names the schools that miss the per-school rule when they are few, and targets every school', () => {
    const ctx = context(
      factSet(
        rate('indicators.quality_school_pass_share.primary', 87.5, 100),
        fact('indicators.quality_failing_schools.primary', 4, '所', {
          detail: { schools: ['石门小学', '柳河小学', '东岭小学', '北坡小学'] },
        }),
        rate('indicators.quality_school_pass_share.junior', 75, 100),
        fact('indicators.quality_failing_schools.junior', 6, '所', {
          detail: { schools: ['一中', '二中', '三中', '四中', '五中', '六中'] },
        }),
      ),
    );
    const problem = balanceSchoolsProblem.detect(ctx);
    expect(runsText(problem!.evidence)).toBe(
      '部分学校办学条件仍有短板，小学资源配置达标学校比例为87.50%，仍有4所学校（石门小学、柳河小学、东岭小学、北坡小学）资源配置未达到优质均衡要求，' +
        '初中资源配置达标学校比例为75.00%，仍有6所学校资源配置未达到优质均衡要求',
    );
    // Ten schools are too many to name in the plan.
    expect(runsText(problem!.plan)).toBe(
      '加快薄弱学校提质改造。逐校建立资源配置补短板台账，补齐教学及辅助用房、体育运动场馆、教学仪器设备和音体美专任教师等短板，推动每所学校资源配置达到优质均衡要求。',
    );
  });

  it('puts the named schools first in the plan', () => {
    const ctx = context(
      factSet(fact('indicators.quality_failing_schools.primary', 1, '所', { detail: { schools: ['石门小学'] } })),
    );
    const problem = balanceSchoolsProblem.detect(ctx);
    expect(runsText(problem!.evidence)).toBe(
      '部分学校办学条件仍有短板，小学仍有1所学校（石门小学）资源配置未达到优质均衡要求',
    );
    expect(runsText(problem!.plan)).toContain('逐校建立资源配置补短板台账，优先支持石门小学，补齐');
  });

  it('finds nothing when every school meets the rule', () => {
    const ctx = context(
      factSet(
        rate('indicators.quality_school_pass_share.primary', 100, 100),
        fact('indicators.quality_failing_schools.primary', 0, '所', { detail: { schools: [] } }),
      ),
    );
    expect(balanceSchoolsProblem.detect(ctx)).toBeNull();
  });
});
