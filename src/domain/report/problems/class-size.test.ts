import { describe, expect, it } from 'vitest';
import { runsText } from '../draft';
import { context, fact, factSet } from '../test-fixtures';
import { classSizeProblem } from './class-size';

describe('classSizeProblem', () => {
  it('counts the large classes left, names their schools and sets the targets', () => {
    const ctx = context(
      factSet(
        fact('indicators.large_class_count.compulsory', 12, '个'),
        fact('indicators.super_large_class_count.compulsory', 2, '个'),
        fact('indicators.large_class_schools.compulsory', 3, '所', {
          detail: { schools: ['青禾县实验小学', '城关第二小学', '青禾县第一初级中学'] },
        }),
        fact('indicators.large_class_share.compulsory', 6.25, '%', { threshold: 5, direction: 'lower' }),
        fact('indicators.large_class_count.senior', 5, '个'),
        fact('indicators.super_large_class_count.senior', 0, '个'),
      ),
    );
    const problem = classSizeProblem.detect(ctx);
    expect(runsText(problem!.evidence)).toBe(
      '部分学校学位供给依然紧张，义务教育阶段仍有大班额班级12个、超大班额班级2个，涉及3所学校（青禾县实验小学、城关第二小学、青禾县第一初级中学），' +
        '普通高中仍有大班额班级5个，义务教育大班额比例为6.25%，高于5%的控制目标',
    );
    expect(runsText(problem!.plan)).toBe(
      '有序化解大班额。统筹城乡学校布局和招生计划，通过新建、改扩建校舍和均衡编班等措施扩充学位，全面消除超大班额，将大班额比例控制在5%以内。',
    );
    expect(problem!.evidence.find((run) => run.text === '3所学校')?.fact).toMatchObject({
      factId: 'indicators.large_class_schools.compulsory',
      value: 3,
    });
  });

  it('finds nothing when no large class is left', () => {
    const ctx = context(
      factSet(
        fact('indicators.large_class_count.compulsory', 0, '个'),
        fact('indicators.super_large_class_count.compulsory', 0, '个'),
        fact('indicators.large_class_share.compulsory', 0, '%', { threshold: 5, direction: 'lower' }),
      ),
    );
    expect(classSizeProblem.detect(ctx)).toBeNull();
  });
});
