import { describe, expect, it } from 'vitest';
import { runsText } from '../draft';
import { context, fact, factSet, rate } from '../test-fixtures';
import {
  RURAL_AGEING_SHARE_LIMIT,
  RURAL_URBAN_AGEING_GAP,
  ruralAgeingProblem,
  staffingGapProblem,
  subjectShortageProblem,
} from './teachers';

describe('staffingGapProblem', () => {
  it('states the gap of each 学段 against the 编制标准 and plans the replacement of retirees', () => {
    const ctx = context(
      factSet(
        fact('indicators.staff_shortage.primary', 23, '人'),
        fact('indicators.staff_shortage.junior', 0, '人'),
        fact('indicators.staff_shortage.senior', 6, '人'),
        fact('teachers.staffing.shortage', 29, '人'),
        fact('teachers.retiring.next1', 42, '人'),
      ),
    );
    const problem = staffingGapProblem.detect(ctx);
    expect(runsText(problem!.evidence)).toBe(
      '教师编制配备仍有缺口，按照中小学教职工编制标准，全县小学缺编23人、普通高中缺编6人',
    );
    expect(runsText(problem!.plan)).toBe(
      '加大教师补充力度。用足用好编制周转池，通过公开招聘、特岗计划等渠道补充教师，优先为缺编学校配足配齐教职工，统筹做好一年内到龄退休的42名教职工的“退一补一”。',
    );
  });

  it('uses the roster’s total when the 基表 has no gap by 学段', () => {
    const problem = staffingGapProblem.detect(context(factSet(fact('teachers.staffing.shortage', 9, '人'))));
    expect(runsText(problem!.evidence)).toBe('教师编制配备仍有缺口，按照中小学教职工编制标准，全县中小学缺编9人');
    expect(runsText(problem!.plan)).toBe(
      '加大教师补充力度。用足用好编制周转池，通过公开招聘、特岗计划等渠道补充教师，优先为缺编学校配足配齐教职工。',
    );
  });

  it('finds nothing when no 学段 lacks staff', () => {
    const ctx = context(
      factSet(fact('indicators.staff_shortage.primary', 0, '人'), fact('teachers.staffing.shortage', 0, '人')),
    );
    expect(staffingGapProblem.detect(ctx)).toBeNull();
  });
});

describe('ruralAgeingProblem', () => {
  const PLAN =
    '优化乡村教师队伍结构。新招聘教师优先补充乡村学校，落实乡村教师生活补助和职称评聘倾斜政策，推动城区学校骨干教师到乡村学校交流轮岗，逐步改善乡村学校教师年龄结构。';

  it('flags a rural share well above the urban one, with its change against last year', () => {
    const ctx = context(
      factSet(rate('teachers.aged50.share.rural', 36.5), rate('teachers.aged50.share.urban', 22.4)),
      factSet(rate('teachers.aged50.share.rural', 35.1)),
    );
    expect(36.5 - 22.4).toBeGreaterThanOrEqual(RURAL_URBAN_AGEING_GAP);
    const problem = ruralAgeingProblem.detect(ctx);
    expect(runsText(problem!.evidence)).toBe(
      '乡村教师队伍老龄化问题较为突出，乡村学校五十岁以上专任教师占比达36.50%，较上年提高1.4个百分点，明显高于城区学校的22.40%',
    );
    expect(runsText(problem!.plan)).toBe(PLAN);
  });

  it('flags a rural share above the limit even when urban schools are old too', () => {
    const ctx = context(factSet(rate('teachers.aged50.share.rural', 42), rate('teachers.aged50.share.urban', 39)));
    expect(42).toBeGreaterThan(RURAL_AGEING_SHARE_LIMIT);
    expect(runsText(ruralAgeingProblem.detect(ctx)!.evidence)).toBe(
      '乡村教师队伍老龄化问题较为突出，乡村学校五十岁以上专任教师占比达42.00%',
    );
  });

  it('finds nothing for a rural share under the limit and close to the urban one', () => {
    const ctx = context(factSet(rate('teachers.aged50.share.rural', 30), rate('teachers.aged50.share.urban', 25)));
    expect(ruralAgeingProblem.detect(ctx)).toBeNull();
    expect(ruralAgeingProblem.detect(context(factSet()))).toBeNull();
  });
});

describe('subjectShortageProblem', () => {
  it('counts the schools with no teacher of each subject, naming them when few', () => {
    const ctx = context(
      factSet(
        fact('teachers.shortage.schools_with_none.pe', 0, '所', { detail: { schools: [] } }),
        fact('teachers.shortage.schools_with_none.music', 2, '所', { detail: { schools: ['石门小学', '柳河小学'] } }),
        fact('teachers.shortage.schools_with_none.mental_health', 9, '所', {
          detail: { schools: ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬'] },
        }),
      ),
    );
    const problem = subjectShortageProblem.detect(ctx);
    expect(runsText(problem!.evidence)).toBe(
      '音乐、心理健康等学科专任教师配备不足，全县2所学校没有音乐专任教师（石门小学、柳河小学），9所学校没有心理健康专任教师',
    );
    expect(runsText(problem!.plan)).toBe(
      '补齐紧缺学科教师。教师招聘计划向音乐、心理健康等紧缺学科倾斜，通过县域统筹、走教支教、联校共享等方式，确保每所学校开齐开足音乐、心理健康课程。',
    );
  });

  it('finds nothing when every school has its 体育、音乐、美术、心理健康 and 信息科技 teachers', () => {
    const ctx = context(
      factSet(
        fact('teachers.shortage.schools_with_none.pe', 0, '所'),
        fact('teachers.shortage.schools_with_none.it', 0, '所'),
      ),
    );
    expect(subjectShortageProblem.detect(ctx)).toBeNull();
  });
});
