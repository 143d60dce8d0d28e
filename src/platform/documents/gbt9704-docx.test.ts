import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { figure, text } from '../../domain/report/draft';
import {
  bookmarkMatchesFact,
  type FigureRecord,
  factIdHash,
  figureBookmarkName,
  figureProperties,
  readFigureProperties,
} from './figure-bookmarks';
import { renderDraftDocx } from './gbt9704-docx';
import { formatDocumentDate, signatureIndents, textWidthInCharacters } from './gbt9704-layout';
import { sampleSummaryDraft } from './sample-drafts';

type Parts = Record<string, string>;

function parts(buffer: Uint8Array): Parts {
  const files = unzipSync(buffer);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** The <w:p> elements of a part (docx writes no nested paragraphs here). */
function paragraphsOf(xml: string): string[] {
  return xml.match(/<w:p>.*?<\/w:p>/gs) ?? [];
}

function paragraphContaining(xml: string, needle: string): string {
  const found = paragraphsOf(xml).find((p) => p.includes(needle));
  if (!found) throw new Error(`no paragraph contains ${needle}`);
  return found;
}

/** The rPr of the run whose text starts with `start`. */
function runProperties(paragraph: string, start: string): string {
  for (const run of paragraph.match(/<w:r>.*?<\/w:r>/gs) ?? []) {
    if (run.includes(`>${start}`)) return run.match(/<w:rPr>.*?<\/w:rPr>/s)?.[0] ?? '';
  }
  throw new Error(`no run starts with ${start}`);
}

function eastAsiaFont(rPr: string): string | undefined {
  return /w:eastAsia="([^"]+)"/.exec(rPr.match(/<w:rFonts[^>]*>/)?.[0] ?? '')?.[1];
}

function footerPart(files: Parts, type: 'default' | 'even'): string {
  const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(files['word/document.xml']!)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(
    files['word/_rels/document.xml.rels']!,
  );
  return files[`word/${target?.[1] ?? target?.[2]}`]!;
}

describe('renderDraftDocx', () => {
  let files: Parts;
  let documentXml: string;

  beforeAll(async () => {
    files = parts(await renderDraftDocx(sampleSummaryDraft()));
    documentXml = files['word/document.xml']!;
  });

  it('lays out an A4 page with the GB/T 9704 margins and no character grid', () => {
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(documentXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // A linesAndChars grid makes LibreOffice set 18 characters per line (stack.md §6).
    expect(documentXml).not.toMatch(/<w:docGrid[^>]*w:type=/);
  });

  it('sets the title in 2号方正小标宋简体, centred, followed by one blank line', () => {
    const [title, blank, first] = paragraphsOf(documentXml);
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(eastAsiaFont(runProperties(title!, '沁源县'))).toBe('方正小标宋简体');
    expect(runProperties(title!, '沁源县')).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:br/>');
    expect(blank).not.toMatch(/<w:t[^>]*>[^<]+</);
    expect(first).toContain('2025年，在县委');
  });

  it('sets the body in 3号仿宋_GB2312 at exact 28.95 pt lines, indented two characters', () => {
    const body = paragraphContaining(documentXml, '2025年，在县委');
    const rPr = runProperties(body, '2025年，在县委');
    expect(eastAsiaFont(rPr)).toBe('仿宋_GB2312');
    expect(rPr).toContain('<w:sz w:val="32"/>');
    expect(rPr).toContain('<w:spacing w:val="-5"/>');
    expect(body).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
    expect(body).toContain('<w:ind w:firstLine="630"/>');
    expect(body).toContain('<w:jc w:val="both"/>');
  });

  it('uses 黑体, 楷体_GB2312, 仿宋_GB2312, 仿宋_GB2312 for heading levels 1–4, not bold by default', () => {
    const cases: [string, string][] = [
      ['一、2025年工作成效', '黑体'],
      ['（三）落实资助政策', '楷体_GB2312'],
      ['1.学生资助', '仿宋_GB2312'],
      ['（1）营养改善计划', '仿宋_GB2312'],
    ];
    for (const [heading, font] of cases) {
      const paragraph = paragraphContaining(documentXml, heading);
      const rPr = runProperties(paragraph, heading);
      expect(eastAsiaFont(rPr), heading).toBe(font);
      expect(rPr, heading).toContain('<w:sz w:val="32"/>');
      expect(rPr, heading).toContain('<w:b w:val="false"/>');
      expect(paragraph, heading).toContain('<w:ind w:firstLine="630"/>');
      expect(paragraph, heading).toContain('<w:keepNext/>');
    }
  });

  it('opens a lead paragraph in its heading font and continues in 仿宋', () => {
    const paragraph = paragraphContaining(documentXml, '（一）坚持党建引领');
    expect(eastAsiaFont(runProperties(paragraph, '（一）坚持党建引领'))).toBe('楷体_GB2312');
    expect(eastAsiaFont(runProperties(paragraph, '全县有各级各类学校'))).toBe('仿宋_GB2312');
  });

  it('bolds the heading levels given in boldHeadingLevels', async () => {
    const bold = parts(await renderDraftDocx(sampleSummaryDraft(), { boldHeadingLevels: [2, 3] }))[
      'word/document.xml'
    ]!;
    expect(runProperties(paragraphContaining(bold, '1.学生资助'), '1.学生资助')).toContain('<w:b/>');
    expect(runProperties(paragraphContaining(bold, '（一）坚持'), '（一）坚持')).toContain('<w:b/>');
    expect(runProperties(paragraphContaining(bold, '一、2025'), '一、2025')).toContain('<w:b w:val="false"/>');
  });

  it('names the eastAsia font on every run, footers included', () => {
    for (const [name, xml] of Object.entries(files)) {
      if (!/^word\/(document|footer\d+)\.xml$/.test(name)) continue;
      for (const run of xml.match(/<w:r>.*?<\/w:r>/gs) ?? []) expect(eastAsiaFont(run), name).toBeTruthy();
    }
  });

  it('puts 署名 and the Arabic-numeral 成文日期 right-aligned after a blank line, date two characters right', () => {
    const all = paragraphsOf(documentXml);
    const issuerAt = all.findIndex((p) => p.includes('>沁源县教育局<'));
    expect(all[issuerAt - 1]).not.toMatch(/<w:t[^>]*>[^<]+</);
    expect(all[issuerAt]).toContain('<w:jc w:val="right"/>');
    expect(all[issuerAt]).toContain('<w:ind w:right="630" w:firstLine="0"/>');
    // 2026年1月5日 is as wide as 沁源县教育局 (6 characters), so it ends at the margin, starting two characters in.
    expect(all[issuerAt + 1]).toContain('>2026年1月5日<');
    expect(all[issuerAt + 1]).toContain('<w:ind w:right="0" w:firstLine="0"/>');
  });

  it('numbers pages — n — in 4号宋体, odd pages right and even pages left, indented one character', () => {
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const odd = footerPart(files, 'default');
    const even = footerPart(files, 'even');
    for (const footer of [odd, even]) {
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(footer).toContain('>— </w:t>');
      expect(footer).toContain('> —</w:t>');
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(odd).toContain('<w:ind w:right="280" w:firstLine="0"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
    expect(even).toContain('<w:ind w:left="280" w:firstLine="0"/>');
  });

  it('wraps each figure in a bookmark with the same run properties as the text around it', () => {
    const paragraph = paragraphContaining(documentXml, '在校学生');
    const name = figureBookmarkName('student.enrolled.2025', 2);
    expect(paragraph).toMatch(
      new RegExp(`<w:bookmarkStart w:name="${name}" w:id="(\\d+)"/><w:r>.*?>34915</w:t></w:r><w:bookmarkEnd`),
    );
    expect(runProperties(paragraph, '34915')).toBe(runProperties(paragraph, '所，在校学生'));
    expect(files['docProps/custom.xml']).toContain(`name="${name}"`);
  });

  it('renders draft.title as the title when the draft has no title block', async () => {
    const xml = parts(
      await renderDraftDocx({
        title: '关于开展安全隐患排查的通知',
        blocks: [{ kind: 'paragraph', runs: [text('正文。')] }],
      }),
    )['word/document.xml']!;
    const [title] = paragraphsOf(xml);
    expect(title).toContain('>关于开展安全隐患排查的通知<');
    expect(eastAsiaFont(runProperties(title!, '关于'))).toBe('方正小标宋简体');
  });
});

describe('figure bookmarks', () => {
  it('makes Word-safe names: ≤ 40 characters of [A-Za-z0-9_] starting with a letter', () => {
    const name = figureBookmarkName('a fact id with spaces, 中文 and a length well beyond forty characters', 9999);
    expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
    expect(bookmarkMatchesFact(name, 'a fact id with spaces, 中文 and a length well beyond forty characters')).toBe(
      true,
    );
    expect(bookmarkMatchesFact(name, 'another.fact')).toBe(false);
    expect(factIdHash('x')).toHaveLength(10);
  });

  it('splits long records over ≤ 255-character properties and reads them back', () => {
    const records: FigureRecord[] = [
      { bookmark: figureBookmarkName('short', 1), factId: 'short', value: 1, rendered: '1' },
      {
        bookmark: figureBookmarkName('long', 2),
        factId: `long.${'𠀀中'.repeat(150)}`,
        value: 'x'.repeat(300),
        rendered: '3万余元',
      },
      { bookmark: figureBookmarkName('nothing', 3), factId: 'nothing', value: null, rendered: '—' },
    ];
    const properties = figureProperties(records);
    expect(properties.every((p) => p.value.length <= 255)).toBe(true);
    expect(properties.length).toBeGreaterThan(4);
    // No property piece ends in half a surrogate pair.
    expect(properties.every((p) => !/[\uD800-\uDBFF]$/.test(p.value))).toBe(true);
    const read = readFigureProperties(new Map(properties.map((p) => [p.name, p.value])));
    expect([...read.values()]).toEqual(records);
  });
});

describe('layout helpers', () => {
  it('formats 成文日期 in Arabic numerals without zero padding', () => {
    expect(formatDocumentDate('2026-01-05')).toBe('2026年1月5日');
    expect(formatDocumentDate('2025/12/31')).toBe('2025年12月31日');
    expect(formatDocumentDate('2025年03月08日')).toBe('2025年3月8日');
    expect(formatDocumentDate('二〇二五年一月五日')).toBe('二〇二五年一月五日');
  });

  it('moves the 署名 left when the date is longer (§7.3.5.2)', () => {
    expect(textWidthInCharacters('2025年12月31日')).toBe(7);
    expect(signatureIndents('沁源县教育局', '2025年1月5日')).toEqual({ issuer: 2, date: 0 });
    expect(signatureIndents('沁源县人民政府教育督导委员会办公室', '2025年1月5日')).toEqual({ issuer: 2, date: 11 });
    expect(signatureIndents('教育局', '2025年12月31日')).toEqual({ issuer: 8, date: 2 });
  });

  it('keeps a figure in a title block recoverable', async () => {
    const files = parts(
      await renderDraftDocx({
        title: '2025年工作总结',
        blocks: [{ kind: 'title', runs: [figure('2025', 'report.year', 2025), text('年工作总结')] }],
      }),
    );
    expect(files['word/document.xml']).toContain(`w:name="${figureBookmarkName('report.year', 1)}"`);
  });
});
