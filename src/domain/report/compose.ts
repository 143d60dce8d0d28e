/**
 * The annual work summary (年度工作总结, standards.md §7) drafted from facts: title, opening paragraph,
 * 一、YYYY年工作成效 with a （一） subsection per area that has data, 二、存在的问题 found by the detectors,
 * 三、YYYY+1年工作计划 with one item answering each problem, then 署名 and 成文日期. Pure: the same facts give the same
 * draft, and every figure in it is a run tagged with the fact it states.
 */
import { chineseDate } from '../phrasing/dates';
import { headingNumber } from '../phrasing/numerals';
import {
  createReportContext,
  type Problem,
  type ProblemDetector,
  type ReportContext,
  type ReportSection,
} from './context';
import { type Block, type Draft, type Run, text } from './draft';
import type { FactSet } from './facts';
import { enumerateRuns, mergePlainRuns } from './figures';
import { PROBLEM_DETECTORS } from './problems';
import { REPORT_SECTIONS } from './sections';

export interface AnnualSummaryInput {
  countyName: string;
  year: number;
  facts: FactSet;
  /** The facts of year − 1, for comparisons. */
  previous: FactSet;
  /** 署名: 青禾县教育局. Also opens the title. */
  issuer: string;
  /** 成文日期, ISO (YYYY-MM-DD). */
  date: string;
  /** Title "……工作总结和YYYY+1年工作计划" instead of "……工作总结". */
  withPlan?: boolean;
}

export interface AnnualSummary {
  draft: Draft;
  /** The problems found, in report order: the items of 二、存在的问题 and of the 工作计划. */
  problems: Problem[];
}

/** Sections and detectors to use instead of the registered ones (tests, or a county's own selection). */
export interface AnnualSummaryRegistry {
  sections?: readonly ReportSection[];
  detectors?: readonly ProblemDetector[];
}

/**
 * Drafts the summary. Sections without data and an empty 存在的问题 are left out, and the numbering of what remains
 * stays consecutive.
 *
 * ```ts
 * composeAnnualSummary({ countyName: '青禾县', year: 2025, facts, previous, issuer: '青禾县教育局', date: '2026-01-05' })
 * // draft.title: '青禾县教育局2025年工作总结'
 * ```
 */
export function composeAnnualSummary(input: AnnualSummaryInput, registry: AnnualSummaryRegistry = {}): AnnualSummary {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new RangeError(`成文日期 must be YYYY-MM-DD, got ${input.date}`);
  const ctx = createReportContext(input);
  const nextYear = input.year + 1;
  const summaryTitle = `${input.issuer}${input.year}年工作总结`;
  const planTitle = `和${nextYear}年工作计划`;

  const sections = [...(registry.sections ?? REPORT_SECTIONS)].sort((a, b) => a.order - b.order);
  const detectors = [...(registry.detectors ?? PROBLEM_DETECTORS)].sort((a, b) => a.order - b.order);
  const subsections = sections.flatMap((section) => {
    const blocks = section.compose(ctx);
    return blocks && blocks.length > 0 ? [{ title: section.title(ctx), blocks }] : [];
  });
  const problems = detectors.flatMap((detector) => detector.detect(ctx) ?? []);

  const parts: { heading: string; blocks: Block[] }[] = [];
  if (subsections.length > 0)
    parts.push({
      heading: `${input.year}年工作成效`,
      blocks: subsections.flatMap((subsection, index) => numbered(subsection.blocks, index + 1, subsection.title)),
    });
  if (problems.length > 0) parts.push({ heading: '存在的问题', blocks: [problemsParagraph(ctx, problems)] });
  parts.push({ heading: `${nextYear}年工作计划`, blocks: planBlocks(ctx, problems) });

  const blocks: Block[] = [
    {
      kind: 'title',
      // A long title breaks before 和, keeping words whole (GB/T 9704: 梯形 lines).
      runs: input.withPlan ? [text(summaryTitle), text(`\n${planTitle}`)] : [text(summaryTitle)],
    },
    { kind: 'paragraph', runs: [text(opening(ctx, input.withPlan === true))] },
    ...parts.flatMap((part, index): Block[] => [
      { kind: 'heading', level: 1, runs: [text(`${headingNumber(1, index + 1)}${part.heading}`)] },
      ...part.blocks,
    ]),
    { kind: 'signature', issuer: input.issuer, date: chineseDate(input.date) },
  ];
  return { draft: { title: input.withPlan ? summaryTitle + planTitle : summaryTitle, blocks }, problems };
}

function opening(ctx: ReportContext, withPlan: boolean): string {
  const { year, area } = ctx;
  const report = withPlan ? `现将${year}年工作总结和${year + 1}年工作计划报告如下。` : '现将有关情况报告如下。';
  return (
    `${year}年，在${area}委、${area}政府的坚强领导和上级教育部门的有力指导下，全${area}教育系统坚持以习近平新时代` +
    `中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务，紧紧围绕${area}委、${area}政府工作部署，` +
    `突出工作重点，强化工作措施，狠抓工作落实，各项教育事业取得新的进展。${report}`
  );
}

// The subsection's heading goes inline before its first paragraph, as the seeds write "（一）……。正文"; a section
// that opens with anything else gets a heading line of its own.
function numbered(blocks: Block[], n: number, title: string): Block[] {
  const [first, ...rest] = blocks;
  const number = headingNumber(2, n);
  if (first.kind === 'paragraph' && !first.lead)
    return [{ ...first, lead: { level: 2, runs: [text(`${number}${title}。`)] } }, ...rest];
  return [{ kind: 'heading', level: 2, runs: [text(`${number}${title}`)] }, ...blocks];
}

// Seed 000's wording, then the items as 一是……；二是……。
function problemsParagraph(ctx: ReportContext, problems: readonly Problem[]): Block {
  return {
    kind: 'paragraph',
    runs: mergePlainRuns([
      text(
        `在肯定成绩的同时，我们也清醒地认识到，对照教育高质量发展要求和人民群众期盼，全${ctx.area}教育工作仍存在一些短板和不足：`,
      ),
      ...enumerateRuns(problems.map((problem) => problem.evidence)),
      text('对此，我们将直面问题、勇于担当，采取有效措施认真加以解决。'),
    ]),
  };
}

function planBlocks(ctx: ReportContext, problems: readonly Problem[]): Block[] {
  const { area } = ctx;
  const intro =
    `${ctx.year + 1}年，全${area}教育系统将坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，` +
    (problems.length > 0 ? '聚焦短板弱项，重点抓好以下工作。' : '巩固拓展各项工作成效，推动教育事业高质量发展。');
  const closing =
    `新的一年，全${area}教育系统将在${area}委、${area}政府的坚强领导下，务实进取、攻坚克难，努力办好人民满意的教育，` +
    `为推动${ctx.countyName}教育事业高质量发展作出新的更大贡献。`;
  return [
    { kind: 'paragraph', runs: [text(intro)] },
    ...problems.map((problem, index) => planItem(problem.plan, index + 1)),
    { kind: 'paragraph', runs: [text(closing)] },
  ];
}

// A plan item's first sentence is its heading: "（一）加快推进学前教育普及普惠。新建……".
function planItem(plan: readonly Run[], n: number): Block {
  const number = headingNumber(2, n);
  const [first, ...rest] = plan;
  const end = first && !first.fact ? first.text.indexOf('。') : -1;
  if (end < 0) return { kind: 'paragraph', lead: { level: 2, runs: [text(number)] }, runs: [...plan] };
  return {
    kind: 'paragraph',
    lead: { level: 2, runs: [text(`${number}${first.text.slice(0, end + 1)}`)] },
    runs: mergePlainRuns([text(first.text.slice(end + 1)), ...rest]),
  };
}
