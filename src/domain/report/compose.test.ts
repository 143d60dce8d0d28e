import { describe, expect, it } from 'vitest';
import { type AnnualSummaryInput, composeAnnualSummary } from './compose';
import type { ReportSection } from './context';
import { type Block, type Draft, draftFigures, draftText, runsText, text } from './draft';
import { THRESHOLD_REF_SUFFIX } from './figures';
import { REPORT_SECTIONS } from './sections';
import { AID_PARTS, COUNTY, countyFacts, fact, factSet, previousCountyFacts, YEAR } from './test-fixtures';
import { untaggedNumbers } from './untagged';

const input = (overrides: Partial<AnnualSummaryInput> = {}): AnnualSummaryInput => ({
  countyName: COUNTY,
  year: YEAR,
  facts: countyFacts(),
  previous: previousCountyFacts(),
  issuer: '青禾县教育局',
  date: '2026-01-05',
  ...overrides,
});

const headings = (draft: Draft) =>
  draft.blocks.flatMap((block) => (block.kind === 'heading' ? [runsText(block.runs)] : []));

/** The level-2 numbers under each level-1 heading, e.g. { 一: ['（一）', '（二）'] }. */
function subNumbers(draft: Draft): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let current = '';
  for (const block of draft.blocks) {
    if (block.kind === 'heading' && block.level === 1) current = runsText(block.runs).split('、')[0];
    const level2 =
      block.kind === 'paragraph' && block.lead?.level === 2
        ? runsText(block.lead.runs)
        : block.kind === 'heading' && block.level === 2
          ? runsText(block.runs)
          : undefined;
    if (level2 === undefined) continue;
    out[current] = [...(out[current] ?? []), /^（[一二三四五六七八九十]+）/.exec(level2)?.[0] ?? level2];
  }
  return out;
}

const paragraphAfter = (draft: Draft, heading: string): string => {
  const index = draft.blocks.findIndex((block) => block.kind === 'heading' && runsText(block.runs) === heading);
  return draftText(draft)[index + 1];
};

describe(composeAnnualSummary.name, () => {
  const { draft, problems } = composeAnnualSummary(input());

  it('titles the draft with the issuer and year, and opens with a general paragraph of the year', () => {
    expect(draft.title).toBe('青禾县教育局2025年工作总结');
    expect(draft.blocks[0]).toEqual({ kind: 'title', runs: [text('青禾县教育局2025年工作总结')] });
    expect(draftText(draft)[1]).toBe(
      '2025年，在县委、县政府的坚强领导和上级教育部门的有力指导下，全县教育系统坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务，紧紧围绕县委、县政府工作部署，突出工作重点，强化工作措施，狠抓工作落实，各项教育事业取得新的进展。现将有关情况报告如下。',
    );
  });

  it('numbers the parts 一、二、三、 and the subsections （一）（二）… consecutively in each', () => {
    expect(headings(draft)).toEqual(['一、2025年工作成效', '二、存在的问题', '三、2026年工作计划']);
    expect(subNumbers(draft)).toEqual({
      一: ['（一）', '（二）', '（三）', '（四）'],
      三: ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）'],
    });
    const leads = draft.blocks.flatMap((block) =>
      block.kind === 'paragraph' && block.lead ? [runsText(block.lead.runs)] : [],
    );
    expect(leads.slice(0, 4)).toEqual([
      '（一）统筹各类教育发展，办学规模总体稳定。',
      '（二）推进均衡发展，办学条件持续改善。',
      '（三）加强教师队伍建设，队伍素质持续提升。',
      '（四）落实学生资助政策，民生保障扎实有力。',
    ]);
    expect(leads[4]).toBe('（一）加快推进学前教育普及普惠。');
  });

  it('lists the problems 一是……；二是…… in detector order, each answered by a plan item', () => {
    expect(problems.map((problem) => problem.id)).toEqual([
      'preschool-coverage',
      'balance-coefficients',
      'balance-schools',
      'class-size',
      'staffing-gap',
      'rural-ageing',
      'subject-shortage',
      'aid-checks',
    ]);
    expect(paragraphAfter(draft, '二、存在的问题')).toBe(
      '在肯定成绩的同时，我们也清醒地认识到，对照教育高质量发展要求和人民群众期盼，全县教育工作仍存在一些短板和不足：' +
        '一是学前教育普及普惠仍有差距，普惠性幼儿园覆盖率、公办园在园幼儿占比分别为78.40%、46.20%，分别低于80%、50%的普及普惠县评估标准；' +
        '二是义务教育校际资源配置还不够均衡，小学生均体育运动场馆面积、每百名学生拥有网络多媒体教室数差异系数分别为0.562、0.534，高于0.50的标准；' +
        '三是部分学校办学条件仍有短板，小学资源配置达标学校比例为87.50%，仍有4所学校（石门小学、柳河小学、东岭小学、北坡小学）资源配置未达到优质均衡要求；' +
        '四是部分学校学位供给依然紧张，义务教育阶段仍有大班额班级12个，涉及3所学校（青禾县实验小学、城关第二小学、青禾县第一初级中学）；' +
        '五是教师编制配备仍有缺口，按照中小学教职工编制标准，全县小学缺编23人；' +
        '六是乡村教师队伍老龄化问题较为突出，乡村学校五十岁以上专任教师占比达46.80%，较上年提高1.7个百分点，明显高于城区学校的22.40%；' +
        '七是音乐、美术、心理健康等学科专任教师配备不足，全县3所学校没有音乐专任教师（石门小学、柳河小学、北坡小学），2所学校没有美术专任教师（石门小学、东岭小学），9所学校没有心理健康专任教师；' +
        '八是学生资助精准管理有待加强，资助名单核查发现的疑点中仍有5条尚未核实销号。' +
        '对此，我们将直面问题、勇于担当，采取有效措施认真加以解决。',
    );
    const plan = draftText(draft);
    const planStart = plan.indexOf('三、2026年工作计划');
    expect(plan[planStart + 1]).toBe(
      '2026年，全县教育系统将坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，聚焦短板弱项，重点抓好以下工作。',
    );
    expect(plan[planStart + 5]).toBe(
      '（四）有序化解大班额。统筹城乡学校布局和招生计划，通过新建、改扩建校舍和均衡编班等措施扩充学位，逐步消除大班额。',
    );
    expect(plan[planStart + 10]).toBe(
      '新的一年，全县教育系统将在县委、县政府的坚强领导下，务实进取、攻坚克难，努力办好人民满意的教育，为推动青禾县教育事业高质量发展作出新的更大贡献。',
    );
  });

  it('ends with the issuer and the 成文日期 in Arabic numerals without zero padding', () => {
    expect(draft.blocks.at(-1)).toEqual({ kind: 'signature', issuer: '青禾县教育局', date: '2026年1月5日' });
  });

  it('puts every Arabic number of the text in a tagged figure, apart from the years of the report', () => {
    expect(untaggedNumbers(draft)).toEqual([]);
    expect(draftFigures(draft).length).toBeGreaterThan(80);
  });

  it('tags each figure with the exact value of its fact (or of its threshold, or of the aid paragraph part)', () => {
    const facts = countyFacts();
    const aidValues = new Map(AID_PARTS.flatMap((part) => (part.figure ? [[part.figure.key, part.figure.value]] : [])));
    for (const run of draftFigures(draft)) {
      const { factId, value } = run.fact;
      const expected = factId.endsWith(THRESHOLD_REF_SUFFIX)
        ? facts.get(factId.slice(0, -THRESHOLD_REF_SUFFIX.length))?.threshold?.value
        : (facts.get(factId)?.value ?? aidValues.get(factId));
      expect({ run: run.text, value }).toEqual({ run: run.text, value: expected });
    }
  });

  it('titles a summary with its plan on two lines, broken before 和', () => {
    const withPlan = composeAnnualSummary(input({ withPlan: true })).draft;
    expect(withPlan.title).toBe('青禾县教育局2025年工作总结和2026年工作计划');
    expect(withPlan.blocks[0]).toEqual({
      kind: 'title',
      runs: [text('青禾县教育局2025年工作总结'), text('\n和2026年工作计划')],
    });
    expect(draftText(withPlan)[1]).toMatch(/现将2025年工作总结和2026年工作计划报告如下。$/);
    expect(untaggedNumbers(withPlan)).toEqual([]);
  });

  it('leaves out sections without facts and keeps the numbering consecutive', () => {
    const facts = factSet(fact('teachers.hired.total', 12, '人'), fact('teachers.hired.special_post', 12, '人'));
    const small = composeAnnualSummary(input({ facts, previous: factSet() })).draft;
    expect(headings(small)).toEqual(['一、2025年工作成效', '二、2026年工作计划']);
    expect(subNumbers(small)).toEqual({ 一: ['（一）'] });
    expect(draftText(small)[3]).toBe(
      '（一）加强教师队伍建设，队伍素质持续提升。完善教师补充机制，严格落实“退一补一”政策，新补充教师12人。其中，新招聘特岗教师12名。',
    );
    // No problem found: the plan is its opening and closing only.
    expect(draftText(small)[5]).toBe(
      '2026年，全县教育系统将坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，巩固拓展各项工作成效，推动教育事业高质量发展。',
    );
    const empty = composeAnnualSummary(input({ facts: factSet(fact('aid.checks.open', 3, '条')) })).draft;
    expect(headings(empty)).toEqual(['一、存在的问题', '二、2026年工作计划']);
  });

  it('places a registered section by its order, with its own heading line when it opens with no paragraph', () => {
    const safety: ReportSection = {
      id: 'safety',
      order: 35,
      title: () => '守牢安全底线，平安校园建设扎实推进',
      compose: (): Block[] => [{ kind: 'heading', level: 3, runs: [text('1.隐患排查整改')] }],
    };
    const custom = composeAnnualSummary(input(), { sections: [safety, ...REPORT_SECTIONS] }).draft;
    expect(subNumbers(custom).一).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）']);
    expect(headings(custom)).toContain('（四）守牢安全底线，平安校园建设扎实推进');
  });

  it('speaks of the 市 or 区 a county-level city or district is', () => {
    const city = composeAnnualSummary(input({ countyName: '长葛市', issuer: '长葛市教育体育局' })).draft;
    expect(city.title).toBe('长葛市教育体育局2025年工作总结');
    expect(draftText(city)[1]).toMatch(/^2025年，在市委、市政府的坚强领导和上级教育部门的有力指导下，全市教育系统/);
  });

  it('refuses a 成文日期 that is not an ISO date', () => {
    expect(() => composeAnnualSummary(input({ date: '2026年1月5日' }))).toThrow(RangeError);
  });
});
