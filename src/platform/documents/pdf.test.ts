import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../domain/report/draft';
import { renderDraftDocx } from './gbt9704-docx';
import { convertDocxToPdf, convertWithLibreOffice, DEFAULT_FONTCONFIG_FILE } from './pdf';
import { readDocxFigures } from './read-docx';
import { FILLER, gridMeasurementDraft, sampleSummaryDraft } from './sample-drafts';

const OUT = resolve(import.meta.dirname, '../../../test-output/documents');
const hasSoffice = spawnSync('which', ['soffice']).status === 0;

const MM = 72 / 25.4;
const PAGE_WIDTH = 210 * MM;
const PAGE_HEIGHT = 297 * MM;
const TEXT_LEFT = 28 * MM;
const TEXT_RIGHT = PAGE_WIDTH - 26 * MM;
const TEXT_TOP = 37 * MM;
const TEXT_BOTTOM = PAGE_HEIGHT - 35 * MM;
const LINE_PITCH = 28.95;

interface PdfLine {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Text lines of one PDF page with their boxes in points from the top left (pdftotext -bbox-layout). */
function pdfLines(pdf: string, page: number): PdfLine[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
  });
  const lines: PdfLine[] = [];
  for (const match of xml.matchAll(
    /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/line>/gs,
  )) {
    const words = [...match[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((word) => word[1]);
    lines.push({ xMin: +match[1]!, yMin: +match[2]!, xMax: +match[3]!, yMax: +match[4]!, text: words.join('') });
  }
  return lines;
}

function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('convertDocxToPdf without LibreOffice', () => {
  it('says in Chinese and English that soffice is missing', async () => {
    const docx = await renderDraftDocx(sampleSummaryDraft());
    const failure = convertDocxToPdf(docx, join(OUT, 'never'), { soffice: '/nonexistent/soffice' });
    await expect(failure).rejects.toMatchObject({
      message: expect.stringContaining('LibreOffice is not installed'),
      userMessage: expect.stringContaining('未安装 LibreOffice'),
    });
  });
});

describe.skipIf(!hasSoffice)('convertDocxToPdf with LibreOffice', { timeout: 60_000 }, () => {
  let samplePdf: string;
  let gridPdf: string;
  let roundTripDocx: string;
  let odtRoundTripDocx: string;
  let sampleDocx: Buffer;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    sampleDocx = await renderDraftDocx(sampleSummaryDraft());
    const samplePath = join(OUT, 'sample-summary.docx');
    writeFileSync(samplePath, sampleDocx);
    const gridDocx = await renderDraftDocx(gridMeasurementDraft());
    // In parallel on purpose: each run has its own LibreOffice profile.
    [samplePdf, gridPdf, roundTripDocx] = await Promise.all([
      convertDocxToPdf(samplePath, OUT),
      convertDocxToPdf(gridDocx, OUT, { name: 'grid-measurement' }),
      convertWithLibreOffice(sampleDocx, join(OUT, 'libreoffice-docx'), 'docx', { name: 'sample-summary' }),
    ]);
    const odt = await convertWithLibreOffice(samplePath, join(OUT, 'libreoffice-odt'), 'odt');
    odtRoundTripDocx = await convertWithLibreOffice(odt, join(OUT, 'libreoffice-odt'), 'docx');
  }, 120_000);

  it('produces an A4 PDF with a CJK font embedded', () => {
    const info = execFileSync('pdfinfo', [samplePdf], { encoding: 'utf8' });
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Number(width)).toBeCloseTo(PAGE_WIDTH, 0);
    expect(Number(height)).toBeCloseTo(PAGE_HEIGHT, 0);
    expect(info).toContain('(A4)');

    // Noto's OTC shares one CFF table named after the JP face, so the SC face shows as NotoSerifCJKjp.
    const fonts = execFileSync('pdffonts', [samplePdf], { encoding: 'utf8' }).split('\n').slice(2);
    const embeddedCjk = fonts.filter((line) => /CJK/.test(line) && line.trim().split(/\s+/).at(-5) === 'yes');
    expect(embeddedCjk.length).toBeGreaterThanOrEqual(3); // serif (仿宋/楷/宋), serif bold (小标宋), sans (黑体)
    expect(embeddedCjk.some((line) => /SerifCJK\w*-Bold/.test(line))).toBe(true);
  });

  it('keeps a comma that falls just past the end of a line (no hanging punctuation to lose)', async () => {
    // 2 characters of indent + 26 leave the comma as the 29th character of a 28-character line.
    const line = '紧紧围绕县委县政府工作部署突出工作重点强化工作措施狠抓';
    const draft = {
      title: '标点',
      blocks: [
        { kind: 'title' as const, runs: [text('标点')] },
        { kind: 'paragraph' as const, runs: [text(`${line.slice(0, 26)}，${FILLER}`)] },
      ],
    };
    const pdf = await convertDocxToPdf(await renderDraftDocx(draft), OUT, { name: 'hanging-comma' });
    const body = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const commas = (value: string) => value.split('，').length - 1;
    expect(commas(body)).toBe(commas(`${line}，${FILLER}`));
    // The character before the comma moved down with it, as 禁则 wants.
    expect(pdfLines(pdf, 1).some((l) => l.text.startsWith(`${line.slice(25, 26)}，`))).toBe(true);
  });

  it('maps the 公文 font names to Noto CJK through the repository fonts.conf', () => {
    const expected: Record<string, string> = {
      方正小标宋简体: 'Noto Serif CJK SC:Bold',
      仿宋_GB2312: 'Noto Serif CJK SC:Regular',
      楷体_GB2312: 'Noto Serif CJK SC:Regular',
      宋体: 'Noto Serif CJK SC:Regular',
      黑体: 'Noto Sans CJK SC:Regular',
    };
    for (const [requested, family] of Object.entries(expected)) {
      const match = execFileSync('fc-match', ['--format=%{family[0]}:%{style[0]}', requested], {
        encoding: 'utf8',
        env: { ...process.env, FONTCONFIG_FILE: DEFAULT_FONTCONFIG_FILE },
      });
      expect(match, requested).toBe(family);
    }
  });

  it('places title, body and page number on page 1 as GB/T 9704 says', () => {
    const lines = pdfLines(samplePdf, 1);
    const [title, titleSecond, firstBody, secondBody] = lines;
    // Title: first line at the top of the 版心, both lines centred on it.
    expect(title!.text).toBe('沁源县教育局2025年工作总结');
    expect(title!.yMin).toBeCloseTo(TEXT_TOP, -1);
    for (const line of [title!, titleSecond!])
      expect((line.xMin + line.xMax) / 2).toBeCloseTo((TEXT_LEFT + TEXT_RIGHT) / 2, 0);
    // Two title lines and one blank line, then the body on the fourth line of the 22-line grid. A body line's box
    // starts a fixed offset below its grid line: take it from the first line of the full grid page.
    const bodyOffset = pdfLines(gridPdf, 2)[0]!.yMin - TEXT_TOP;
    expect(firstBody!.yMin).toBeCloseTo(TEXT_TOP + bodyOffset + 3 * LINE_PITCH, 0);
    // Body: first line indented two characters (2 × 15.75 pt), wrapped lines flush left.
    expect(firstBody!.xMin).toBeCloseTo(TEXT_LEFT + 31.5, 0);
    expect(secondBody!.xMin).toBeCloseTo(TEXT_LEFT, 0);
    // Text stays inside the 版心.
    const body = lines.filter((line) => line.yMax <= TEXT_BOTTOM + 1);
    for (const line of body) expect(line.xMax).toBeLessThanOrEqual(TEXT_RIGHT + 1);
    // Page number: — 1 —, its 一字线 about 7 mm below the 版心, flush right less one 4号 character.
    const pageNumber = lines.at(-1)!;
    expect(pageNumber.text).toBe('—1—');
    expect((pageNumber.yMin + pageNumber.yMax) / 2 - TEXT_BOTTOM).toBeCloseTo(7 * MM, -1);
    expect(pageNumber.xMax).toBeCloseTo(TEXT_RIGHT - 14, 0);
  });

  it('puts the even page number flush left less one character', () => {
    const pageNumber = pdfLines(samplePdf, 2).at(-1)!;
    expect(pageNumber.text).toBe('—2—');
    expect(pageNumber.xMin).toBeCloseTo(TEXT_LEFT + 14, 0);
  });

  it('fits 22 lines of 28 characters on a full page', () => {
    const body = pdfLines(gridPdf, 2).filter((line) => line.yMax <= TEXT_BOTTOM + 1);
    expect(body).toHaveLength(22);
    const full = body.filter((line) => line.xMin < TEXT_LEFT + 5 && line.xMax > TEXT_RIGHT - 5);
    expect(full.length).toBeGreaterThanOrEqual(18);
    for (const line of full) expect([...line.text]).toHaveLength(28);
    const pitches = body.slice(1).map((line, i) => line.yMin - body[i]!.yMin);
    for (const pitch of pitches) expect(pitch).toBeCloseTo(LINE_PITCH, 0);
  });

  it('renders page 1 to a PNG at 60 dpi for a visual check', () => {
    const prefix = join(OUT, 'sample-summary-page1');
    execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', '1', '-l', '1', samplePdf, prefix]);
    const size = pngSize(`${prefix}.png`);
    expect(Math.abs(size.width - 496)).toBeLessThanOrEqual(1);
    expect(Math.abs(size.height - 702)).toBeLessThanOrEqual(1);
    const gridPrefix = join(OUT, 'grid-measurement-page2');
    execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', '2', '-l', '2', gridPdf, gridPrefix]);
    expect(Math.abs(pngSize(`${gridPrefix}.png`).width - 496)).toBeLessThanOrEqual(1);
  });

  it('kills LibreOffice and says so when it runs past the timeout', async () => {
    const failure = convertDocxToPdf(sampleDocx, join(OUT, 'timeout'), { timeoutMs: 100 });
    await expect(failure).rejects.toMatchObject({ userMessage: expect.stringContaining('超时') });
  });

  it('keeps every figure through a LibreOffice DOCX save and a DOCX→ODT→DOCX round trip', async () => {
    const original = await readDocxFigures(sampleDocx);
    for (const path of [roundTripDocx, odtRoundTripDocx]) {
      const read = await readDocxFigures(readFileSync(path));
      expect(
        read.figures.map((f) => [f.bookmark, f.factId, f.status, f.textNow]),
        path,
      ).toEqual(original.figures.map((f) => [f.bookmark, f.factId, 'unchanged', f.renderedValue]));
      expect(read.paragraphs, path).toEqual(original.paragraphs);
    }
  });
});
