import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import type { Block, Draft, HeadingLevel, Run } from '../../domain/report/draft';
import { type FigureRecord, figureBookmarkName, figureProperties } from './figure-bookmarks';
import {
  BODY_CHARACTER_PITCH,
  BODY_CHARACTER_SPACING,
  BODY_SIZE,
  FIRST_LINE_INDENT,
  FONT,
  FOOTER_DISTANCE,
  formatDocumentDate,
  HEADER_DISTANCE,
  HEADING_FONT,
  LINE_PITCH,
  MARGIN,
  PAGE,
  PAGE_NUMBER_INDENT,
  PAGE_NUMBER_SIZE,
  signatureIndents,
  TITLE_SIZE,
} from './gbt9704-layout';

export interface RenderDraftDocxOptions {
  /**
   * Heading levels set in bold. GB/T 9704 bolds none; many bureaus bold （一） and 1. by local practice, e.g. `[2, 3]`.
   * Applies to headings and to inline lead headings.
   */
  boldHeadingLevels?: readonly HeadingLevel[];
  /** Core property `creator`; defaults to 教管. */
  creator?: string;
}

interface RunStyle {
  font: string;
  size: number;
  bold?: boolean;
  characterSpacing?: number;
}

const BODY_STYLE: RunStyle = { font: FONT.body, size: BODY_SIZE, characterSpacing: BODY_CHARACTER_SPACING };
const EXACT_LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** Paragraph settings shared by every text paragraph. */
const PARAGRAPH_BASE = {
  spacing: EXACT_LINE,
  // Widow control would leave 21-line pages; a 公文 keeps the 22-line grid.
  widowControl: false,
  // No extra gap between Chinese and digits in Word (w:autoSpaceDN). LibreOffice 7.4 ignores it on import and still
  // adds about 1/5 em there; that only shifts lines holding digits.
  autoSpaceEastAsianText: false,
} as const;

/** Every run names its font for all four scripts: Word picks the eastAsia one for Chinese, the others for digits. */
function runOptions(style: RunStyle): IRunOptions {
  return {
    font: { ascii: style.font, hAnsi: style.font, eastAsia: style.font, cs: style.font },
    size: style.size,
    sizeComplexScript: style.size,
    bold: style.bold ?? false,
    boldComplexScript: style.bold ?? false,
    // Digits and Latin tagged zh-CN let LibreOffice break "0.50" after the point; en-US keeps numbers whole.
    language: { value: 'en-US', eastAsia: 'zh-CN' },
    // Written even when 0: the document default carries the body's −0.25 pt.
    characterSpacing: style.characterSpacing ?? 0,
  };
}

/** A run's text as docx runs: each line break in the text starts a run with <w:br/>. */
function textRuns(text: string, style: RunStyle): TextRun[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    if (i === 0) return line === '' && lines.length > 1 ? [] : [new TextRun({ ...runOptions(style), text: line })];
    return [new TextRun({ ...runOptions(style), text: line, break: 1 })];
  });
}

/** Collects the figures while rendering, numbering their bookmarks in reading order. */
class FigureCollector {
  readonly records: FigureRecord[] = [];

  render(run: Run, style: RunStyle): ParagraphChild[] {
    const runs = textRuns(run.text, style);
    if (!run.fact) return runs;
    const bookmark = figureBookmarkName(run.fact.factId, this.records.length + 1);
    this.records.push({ bookmark, factId: run.fact.factId, value: run.fact.value, rendered: run.text });
    // Same run properties as the text around it: the bookmark is the only trace, invisible in print.
    return [new Bookmark({ id: bookmark, children: runs })];
  }
}

function headingStyle(level: HeadingLevel, bold: ReadonlySet<HeadingLevel>): RunStyle {
  return { ...BODY_STYLE, font: HEADING_FONT[level], bold: bold.has(level) };
}

function titleParagraph(runs: readonly Run[], figures: FigureCollector): Paragraph {
  return new Paragraph({
    ...PARAGRAPH_BASE,
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    children: runs.flatMap((run) => figures.render(run, { font: FONT.title, size: TITLE_SIZE })),
  });
}

function bodyParagraph(children: ParagraphChild[], options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    ...PARAGRAPH_BASE,
    alignment: AlignmentType.BOTH,
    indent: { firstLine: FIRST_LINE_INDENT },
    keepNext: options.keepNext ?? false,
    children,
  });
}

function blankLine(): Paragraph {
  return new Paragraph({
    ...PARAGRAPH_BASE,
    children: [new TextRun({ ...runOptions(BODY_STYLE), text: '' })],
  });
}

function rightAligned(text: string, indentInCharacters: number): Paragraph {
  return new Paragraph({
    ...PARAGRAPH_BASE,
    alignment: AlignmentType.RIGHT,
    indent: { firstLine: 0, right: Math.round(indentInCharacters * BODY_CHARACTER_PITCH) },
    keepNext: true,
    children: textRuns(text, BODY_STYLE),
  });
}

/** 署名 and 成文日期 without a seal (§7.3.5.2), one blank line below the 正文. */
function signatureParagraphs(issuer: string, rawDate: string): Paragraph[] {
  const date = formatDocumentDate(rawDate);
  const indents = signatureIndents(issuer, date);
  return [blankLine(), rightAligned(issuer, indents.issuer), rightAligned(date, indents.date)];
}

function blockParagraphs(block: Block, figures: FigureCollector, bold: ReadonlySet<HeadingLevel>): Paragraph[] {
  switch (block.kind) {
    case 'title':
      return [titleParagraph(block.runs, figures)];
    case 'heading':
      return [
        bodyParagraph(
          block.runs.flatMap((run) => figures.render(run, headingStyle(block.level, bold))),
          { keepNext: true },
        ),
      ];
    case 'paragraph': {
      const lead = block.lead;
      const leadRuns = lead ? lead.runs.flatMap((run) => figures.render(run, headingStyle(lead.level, bold))) : [];
      return [bodyParagraph([...leadRuns, ...block.runs.flatMap((run) => figures.render(run, BODY_STYLE))])];
    }
    case 'signature':
      return signatureParagraphs(block.issuer, block.date);
  }
}

/** `— 1 —` in 4号宋体, odd pages flush right and even pages flush left, each indented one character. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const style = runOptions({ font: FONT.pageNumber, size: PAGE_NUMBER_SIZE });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent:
          side === 'odd' ? { right: PAGE_NUMBER_INDENT, firstLine: 0 } : { left: PAGE_NUMBER_INDENT, firstLine: 0 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [new TextRun({ ...style, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/**
 * Renders a draft as a GB/T 9704-2012 DOCX: A4, 版心 156×225 mm, 22 lines of 28 characters (exact 28.95 pt spacing
 * and −0.25 pt character spacing), 2号小标宋 title with one blank line below, 3号仿宋 body indented two characters,
 * heading fonts per level, `— n —` page numbers alternating sides, and the unsealed 署名/成文日期. Every figure run is
 * bookmarked and recorded in custom properties (figure-bookmarks.ts) so readDocxFigures can find it after editing.
 * Without a title block, `draft.title` is used as the title.
 */
export async function renderDraftDocx(draft: Draft, options: RenderDraftDocxOptions = {}): Promise<Buffer> {
  const bold = new Set(options.boldHeadingLevels ?? []);
  const figures = new FigureCollector();
  const blocks: Block[] = draft.blocks.some((block) => block.kind === 'title')
    ? draft.blocks
    : [{ kind: 'title', runs: [{ text: draft.title }] }, ...draft.blocks];

  const children: Paragraph[] = [];
  blocks.forEach((block, i) => {
    children.push(...blockParagraphs(block, figures, bold));
    // One blank line after the title block (the last line of a multi-block title).
    if (block.kind === 'title' && blocks[i + 1]?.kind !== 'title') children.push(blankLine());
  });

  const document = new Document({
    title: draft.title,
    creator: options.creator ?? '教管',
    evenAndOddHeaderAndFooters: true,
    customProperties: figureProperties(figures.records),
    styles: {
      default: {
        // New paragraphs typed in Word inherit 3号仿宋 at the 22-line pitch.
        document: { run: runOptions(BODY_STYLE), paragraph: { spacing: EXACT_LINE } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: HEADER_DISTANCE, footer: FOOTER_DISTANCE, gutter: 0 },
          },
          // Pitch recorded for Word, but no grid type: LibreOffice renders a character grid wrongly (stack.md §6).
          grid: { linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
