import { describe, expect, it } from 'vitest';
import { runsText } from '../draft';
import { coefficient, context, countyFacts, fact, factSet, previousCountyFacts, rate } from '../test-fixtures';
import { conditionsSection } from './conditions';

const textOf = (blocks: ReturnType<typeof conditionsSection.compose>) =>
  (blocks ?? []).map((block) => (block.kind === 'paragraph' ? runsText(block.runs) : ''));

describe('conditionsSection', () => {
  it('numbers its topics 一是……二是…… as seed 001, with rates, 百分点 changes, class sizes, ratios and 均衡', () => {
    expect(textOf(conditionsSection.compose(context(countyFacts(), previousCountyFacts())))).toEqual([
      '一是推进学前教育普及普惠。学前三年毛入园率92.35%，较上年提高1.2个百分点；普惠性幼儿园覆盖率78.40%，较上年提高1.5个百分点；公办园在园幼儿占比46.20%，较上年提高1.2个百分点。' +
        '二是巩固义务教育和高中阶段教育普及成果。九年义务教育巩固率96.52%，较上年提高0.42个百分点；三类残疾儿童少年入学率97.30%；高中阶段毛入学率91.86%，较上年提高1.36个百分点。' +
        '三是优化班额和师资配置。义务教育阶段已消除超大班额，大班额班级12个，较上年减少8个，下降40%。小学、初中、普通高中生师比分别为16.52∶1、12.80∶1、13.45∶1。' +
        '四是推进义务教育优质均衡发展。小学、初中资源配置达标学校比例分别为87.50%、100.00%，小学、初中校际综合差异系数分别为0.412、0.368，初中各项资源配置指标校际差异系数均达到评估标准。',
    ]);
  });

  it('needs no number for a single topic, and says so when no 学段 lacks staff or large classes', () => {
    const facts = factSet(
      fact('indicators.large_class_count.compulsory', 0, '个'),
      fact('indicators.super_large_class_count.compulsory', 0, '个'),
      fact('indicators.staff_shortage.primary', 0, '人'),
      fact('indicators.staff_shortage.junior', 0, '人'),
    );
    expect(textOf(conditionsSection.compose(context(facts)))).toEqual([
      '优化班额和师资配置。义务教育阶段已全面消除大班额。中小学教职工均按编制标准配齐。',
    ]);
  });

  it('states 超大班额 when some remain, and a single 学段 without 分别', () => {
    const facts = factSet(
      fact('indicators.large_class_count.compulsory', 7, '个'),
      fact('indicators.super_large_class_count.compulsory', 2, '个'),
      rate('indicators.quality_school_pass_share.junior', 90),
      coefficient('indicators.basic_composite_cv.junior', 0.4, 0.55),
    );
    expect(textOf(conditionsSection.compose(context(facts)))).toEqual([
      '一是优化班额和师资配置。义务教育阶段有大班额班级7个，超大班额班级2个。' +
        '二是推进义务教育优质均衡发展。初中资源配置达标学校比例为90.00%，初中校际综合差异系数为0.400。',
    ]);
  });

  it('is absent without indicator facts', () => {
    expect(conditionsSection.compose(context(factSet(fact('org.schools.total', 96, '所'))))).toBeNull();
  });
});
