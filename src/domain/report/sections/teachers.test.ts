import { describe, expect, it } from 'vitest';
import { figure, runsText } from '../draft';
import { context, countyFacts, fact, factSet, previousCountyFacts } from '../test-fixtures';
import { teachersSection } from './teachers';

const textOf = (blocks: ReturnType<typeof teachersSection.compose>) =>
  (blocks ?? []).map((block) => (block.kind === 'paragraph' ? runsText(block.runs) : ''));

describe('teachersSection', () => {
  it('writes the whole section: hires by channel, transfers, training, backbone teachers and 师德', () => {
    expect(textOf(teachersSection.compose(context(countyFacts(), previousCountyFacts())))).toEqual([
      '完善教师补充机制，严格落实“退一补一”政策，全年退休教职工46人，新补充教师74人，较上年增加13人，增长21.3%。其中，公开招聘教师18名，新招聘特岗教师30名，“三支一扶”教师14名，接收公费师范生5名，引进高层次人才7名。',
      '深化“县管校聘”管理改革，推动优秀教师向乡村学校、薄弱学校流动，全年城乡教师交流轮岗86人次，“县管校聘”竞聘调整35人次，通过“教师周转池”安置12人次。',
      '强化教师业务培训，全年累计培训教师1.4万余人次、16万余学时，其中参加国培320人次、省培860人次、市培1240人次、县培4580人次、校本研修7210人次，培训人次较上年增加1230人次，增长9.5%，专任教师参训覆盖率达98.60%。',
      '实施名师培养工程，全县县级及以上骨干教师达520人，较上年增加35人，增长7.2%，全年教师获各级表彰奖励126人次。加强师德师风建设，严格落实师德考核“一票否决”制度。',
    ]);
  });

  it('writes seed 000’s sentence for 特岗 and 三支一扶 hires, counted in 名', () => {
    const facts = factSet(
      fact('teachers.hired.total', 44, '人'),
      fact('teachers.hired.special_post', 30, '人'),
      fact('teachers.hired.three_supports', 14, '人'),
    );
    const [block] = teachersSection.compose(context(facts)) ?? [];
    expect(block.kind === 'paragraph' && runsText(block.runs)).toBe(
      '完善教师补充机制，严格落实“退一补一”政策，新补充教师44人。其中，新招聘特岗教师30名，“三支一扶”教师14名。',
    );
    expect(block.kind === 'paragraph' && block.runs.filter((run) => run.fact)).toEqual([
      figure('44人', 'teachers.hired.total', 44),
      figure('30名', 'teachers.hired.special_post', 30),
      figure('14名', 'teachers.hired.three_supports', 14),
    ]);
  });

  it('states the teachers found unqualified in 师德考核', () => {
    const blocks = teachersSection.compose(context(factSet(fact('teachers.ethics.unqualified', 2, '人'))));
    expect(textOf(blocks)).toEqual(['加强师德师风建设，严格落实师德考核“一票否决”制度，年度师德考核不合格2人。']);
  });

  it('is absent without teacher facts', () => {
    expect(teachersSection.compose(context(factSet(fact('teachers.hired.total', 0, '人'))))).toBeNull();
  });
});
