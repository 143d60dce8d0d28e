import { describe, expect, it } from 'vitest';
import { enumerate } from '../phrasing/numerals';
import type { JudgedFact, NumericFact } from './context';
import { figure, runsText, text } from './draft';
import {
  approximateRun,
  countChangeRun,
  enumerateRuns,
  mergePlainRuns,
  moneyRun,
  namedSchools,
  rateChangeRun,
  respectively,
  thresholdFactId,
  thresholdRun,
} from './figures';
import { context, fact, factSet, rate } from './test-fixtures';

const numeric = (id: string, value: number, unit: string) => fact(id, value, unit) as NumericFact;

describe(enumerateRuns.name, () => {
  it('writes the same text as enumerate, keeping the figures tagged', () => {
    const items = [
      [text('城乡教育发展不平衡')],
      [text('小学缺编'), figure('23人', 'indicators.staff_shortage.primary', 23)],
    ];
    const runs = enumerateRuns(items);
    expect(runsText(runs)).toBe(enumerate(items.map(runsText)));
    expect(runsText(runs)).toBe('一是城乡教育发展不平衡；二是小学缺编23人。');
    expect(runs.filter((run) => run.fact)).toEqual([figure('23人', 'indicators.staff_shortage.primary', 23)]);
  });
  it('writes nothing for no items', () => {
    expect(enumerateRuns([])).toEqual([]);
  });
});

describe(approximateRun.name, () => {
  it('writes 余 after the magnitude and keeps the exact value in the tag (seed 001: 1.4万余人次)', () => {
    expect(approximateRun(numeric('teachers.training.person_times', 14210, '人次'))).toEqual(
      figure('1.4万余人次', 'teachers.training.person_times', 14210),
    );
  });
});

describe(moneyRun.name, () => {
  it('phrases fen (aid facts) and 元 alike in 万元', () => {
    expect(moneyRun(numeric('aid.nutrition.amount_fen', 446_970_000, '分'))?.text).toBe('446.97万元');
    expect(moneyRun(numeric('finance.investment', 15_439_800, '元'))?.text).toBe('1543.98万元');
    expect(moneyRun(numeric('aid.school_aid.amount_fen', 806_626_250, '分'))?.text).toBe('806万余元');
  });
  it('refuses what is not an amount', () => {
    expect(moneyRun(numeric('x', 1.234, '元'))).toBeUndefined();
  });
});

describe(countChangeRun.name, () => {
  it('compares a fact with the same fact of last year, tagged with this year', () => {
    const ctx = context(
      factSet(fact('teachers.hired.total', 1174, '人')),
      factSet(fact('teachers.hired.total', 987, '人', { year: 2024 })),
    );
    expect(countChangeRun(ctx, ctx.fact('teachers.hired.total')!)).toEqual(
      figure('较上年增加187人，增长18.9%', 'teachers.hired.total', 1174),
    );
  });
  it('says nothing without last year', () => {
    const ctx = context(factSet(fact('teachers.hired.total', 74, '人')));
    expect(countChangeRun(ctx, ctx.fact('teachers.hired.total')!)).toBeUndefined();
  });
});

describe(rateChangeRun.name, () => {
  it('writes the change in 百分点', () => {
    const ctx = context(
      factSet(rate('indicators.inclusive_coverage.preschool', 36.25)),
      factSet(rate('indicators.inclusive_coverage.preschool', 32.19)),
    );
    expect(rateChangeRun(ctx, ctx.fact('indicators.inclusive_coverage.preschool')!)?.text).toBe(
      '较上年提高4.06个百分点',
    );
  });
});

describe(thresholdRun.name, () => {
  it('writes a target rate without trailing zeros and a 差异系数 limit with two decimals, tagged #threshold', () => {
    const coverage = rate('indicators.inclusive_coverage.preschool', 78.4, 80) as JudgedFact;
    expect(thresholdRun(coverage, true)).toEqual(
      figure('80%', 'indicators.inclusive_coverage.preschool#threshold', 80),
    );
    const cv = fact('indicators.quality_cv_l5.primary', 0.562, '', {
      threshold: 0.5,
      direction: 'lower',
    }) as JudgedFact;
    expect(thresholdRun(cv, false).text).toBe('0.50');
    expect(thresholdFactId('a.b')).toBe('a.b#threshold');
  });
});

describe(respectively.name, () => {
  it('uses 分别为 only for several figures', () => {
    const a = figure('16.52', 'a', 16.52);
    const b = figure('12.80', 'b', 12.8);
    expect(runsText(respectively(['小学', '初中'], [a, b], '生师比'))).toBe('小学、初中生师比分别为16.52、12.80');
    expect(runsText(respectively(['小学'], [a], '生师比'))).toBe('小学生师比为16.52');
  });
});

describe(mergePlainRuns.name, () => {
  it('merges adjacent plain runs and drops empty ones, never a figure', () => {
    const three = figure('3所', 'x', 3);
    expect(mergePlainRuns([text('有'), text(''), text('学校'), three, text('。')])).toEqual([
      text('有学校'),
      three,
      text('。'),
    ]);
  });
});

describe(namedSchools.name, () => {
  it('names up to five schools and no more', () => {
    expect(namedSchools(['石门小学', '柳河小学'])).toBe('（石门小学、柳河小学）');
    expect(namedSchools(['甲', '乙', '丙', '丁', '戊', '己'])).toBe('');
    expect(namedSchools([])).toBe('');
  });
});
