import { describe, expect, it } from 'vitest';
import { figure, runsText } from '../draft';
import { context, countyFacts, fact, factSet, previousCountyFacts } from '../test-fixtures';
import { overviewSection } from './overview';

const paragraphs = (blocks: ReturnType<typeof overviewSection.compose>) =>
  (blocks ?? []).map((block) => (block.kind === 'paragraph' ? runsText(block.runs) : ''));

describe('overviewSection', () => {
  it('states schools by type, students by 学段 with last year’s change, and staff', () => {
    const blocks = overviewSection.compose(context(countyFacts(), previousCountyFacts()));
    expect(paragraphs(blocks)).toEqual([
      '全县共有各级各类学校（幼儿园）96所，其中幼儿园40所、小学33所、初级中学10所、九年一贯制学校6所、完全中学1所、普通高中3所、中等职业学校2所、特殊教育学校1所，另有教学点12个。' +
        '在校学生（含在园幼儿）34915人，较上年减少312人，下降0.9%；其中在园幼儿8120人、小学15230人、初中7410人、普通高中2860人、中等职业教育1080人、特殊教育学校215人。' +
        '全县教职工3268人，其中专任教师2905人。',
    ]);
  });

  it('tags each figure with its fact and exact value, and the change with this year’s fact', () => {
    const [block] = overviewSection.compose(context(countyFacts(), previousCountyFacts())) ?? [];
    const figures = block.kind === 'paragraph' ? block.runs.filter((run) => run.fact) : [];
    expect(figures.slice(0, 2)).toEqual([
      figure('96所', 'org.schools.total', 96),
      figure('40所', 'org.schools.kindergarten', 40),
    ]);
    expect(figures.find((run) => run.text.startsWith('较上年'))).toEqual(
      figure('较上年减少312人，下降0.9%', 'stats.students.total', 34915),
    );
  });

  it('falls back on the roster for staff, skips types with no school, and is absent without data', () => {
    const facts = factSet(
      fact('org.schools.total', 5, '所'),
      fact('org.schools.primary', 5, '所'),
      fact('org.schools.junior', 0, '所'),
      fact('teachers.full_time', 210, '人'),
    );
    expect(paragraphs(overviewSection.compose(context(facts)))).toEqual([
      '全县共有各级各类学校（幼儿园）5所，其中小学5所。全县专任教师210人。',
    ]);
    expect(overviewSection.compose(context(factSet()))).toBeNull();
  });
});
