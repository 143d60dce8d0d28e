import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftFigures } from '../../domain/report/draft';
import { bookmarkMatchesFact, figureBookmarkName } from './figure-bookmarks';
import { renderDraftDocx } from './gbt9704-docx';
import { readDocxFigures } from './read-docx';
import { sampleSummaryDraft } from './sample-drafts';

/** Rewrites one part of a DOCX, as a hand edit in Word would. */
function editPart(docx: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(docx);
  files[part] = strToU8(edit(strFromU8(files[part]!)));
  return zipSync(files);
}

const editDocument = (docx: Uint8Array, edit: (xml: string) => string) => editPart(docx, 'word/document.xml', edit);

/** The bookmark's start, content and end, as docx writes them. */
function bookmarkPattern(name: string): RegExp {
  return new RegExp(`<w:bookmarkStart w:name="${name}" w:id="(\\d+)"/>(.*?)<w:bookmarkEnd w:id="\\1"/>`, 's');
}

describe('readDocxFigures', () => {
  const draft = sampleSummaryDraft();
  const enrolled = figureBookmarkName('student.enrolled.2025', 2);
  const meetings = figureBookmarkName('party.warning_meetings.2025', 3);
  const aid = figureBookmarkName('aid.amount.2025', 7);
  let docx: Uint8Array;

  beforeAll(async () => {
    docx = await renderDraftDocx(draft);
  });

  it('finds every figure of a freshly rendered document with its fact and value', async () => {
    const read = await readDocxFigures(docx);
    const expected = draftFigures(draft);
    expect(read.figures).toHaveLength(expected.length);
    read.figures.forEach((found, i) => {
      expect(found.factId).toBe(expected[i]!.fact.factId);
      expect(found.value).toBe(expected[i]!.fact.value);
      expect(found.renderedValue).toBe(expected[i]!.text);
      expect(found.textNow).toBe(expected[i]!.text);
      expect(found.status).toBe('unchanged');
      expect(read.paragraphs[found.paragraphIndex!]).toContain(found.renderedValue);
    });
  });

  it('returns the body paragraphs without blank lines, and the text', async () => {
    const read = await readDocxFigures(docx);
    expect(read.paragraphs[0]).toBe('沁源县教育局2025年工作总结\n和2026年工作计划');
    expect(read.paragraphs).toContain('一、2025年工作成效');
    expect(read.paragraphs.at(-2)).toBe('沁源县教育局');
    expect(read.paragraphs.at(-1)).toBe('2026年1月5日');
    expect(read.paragraphs.every((p) => p.trim() !== '')).toBe(true);
    expect(read.text).toBe(read.paragraphs.join('\n'));
    // Page numbers live in the footers, not in the body text.
    expect(read.text).not.toContain('—');
  });

  it('reports a figure whose text was edited, and one whose bookmark was deleted as missing', async () => {
    const edited = editDocument(docx, (xml) =>
      xml
        .replace(bookmarkPattern(enrolled), (whole) => whole.replace('>34915<', '>35012<'))
        .replace(bookmarkPattern(meetings), (_whole, _id, content: string) => content),
    );
    const read = await readDocxFigures(edited);
    const byBookmark = new Map(read.figures.map((f) => [f.bookmark, f]));

    expect(byBookmark.get(enrolled)).toMatchObject({
      factId: 'student.enrolled.2025',
      renderedValue: '34915',
      textNow: '35012',
      status: 'changed',
    });
    expect(byBookmark.get(meetings)).toMatchObject({
      factId: 'party.warning_meetings.2025',
      renderedValue: '73',
      textNow: '',
      status: 'missing',
      paragraphIndex: null,
    });
    // The text is still there; only its link to the fact is lost.
    expect(read.text).toContain('召开警示教育会73场次');
    expect(read.text).toContain('在校学生35012人');
    expect(read.figures.filter((f) => f.status === 'unchanged')).toHaveLength(7);
  });

  it('reads an emptied bookmark as changed to empty text', async () => {
    const emptied = editDocument(docx, (xml) =>
      xml.replace(
        bookmarkPattern(aid),
        (_whole, id: string) => `<w:bookmarkStart w:name="${aid}" w:id="${id}"/><w:bookmarkEnd w:id="${id}"/>`,
      ),
    );
    const figure = (await readDocxFigures(emptied)).figures.find((f) => f.bookmark === aid);
    expect(figure).toMatchObject({ status: 'changed', textNow: '', renderedValue: '3381.88万元' });
  });

  it('reads tracked changes as if accepted', async () => {
    const tracked = editDocument(docx, (xml) =>
      xml.replace(bookmarkPattern(enrolled), (whole) => {
        const run = /<w:r>.*?<\/w:r>/s.exec(whole)![0];
        const deleted = run.replace('<w:t xml:space="preserve">34915</w:t>', '<w:delText>34915</w:delText>');
        const inserted = run.replace('>34915<', '>34920<');
        const change = 'w:id="900" w:author="审核人" w:date="2026-01-06T09:00:00Z"';
        return whole.replace(
          run,
          `<w:del ${change}>${deleted}</w:del><w:ins ${change.replace('900', '901')}>${inserted}</w:ins>`,
        );
      }),
    );
    const read = await readDocxFigures(tracked);
    expect(read.figures.find((f) => f.bookmark === enrolled)).toMatchObject({ textNow: '34920', status: 'changed' });
    expect(read.text).toContain('在校学生34920人');
    expect(read.text).not.toContain('34915');
  });

  it('keeps bookmarks whose records were lost as unmapped, matchable by fact id hash', async () => {
    const stripped = editPart(docx, 'docProps/custom.xml', (xml) => xml.replace(/<property .*<\/property>/s, ''));
    const read = await readDocxFigures(stripped);
    expect(read.figures.every((f) => f.status === 'unmapped' && f.factId === '')).toBe(true);
    const enrolledFigure = read.figures.find((f) => bookmarkMatchesFact(f.bookmark, 'student.enrolled.2025'));
    expect(enrolledFigure).toMatchObject({ bookmark: enrolled, textNow: '34915' });
  });

  it('ignores bookmarks that are not figure bookmarks', async () => {
    const withOther = editDocument(docx, (xml) =>
      xml.replace(
        '<w:body>',
        '<w:body><w:p><w:bookmarkStart w:id="800" w:name="_GoBack"/><w:bookmarkEnd w:id="800"/></w:p>',
      ),
    );
    const read = await readDocxFigures(withOther);
    expect(read.figures.map((f) => f.bookmark)).not.toContain('_GoBack');
  });

  it('rejects a file that is not a DOCX with a Chinese message', async () => {
    await expect(readDocxFigures(Buffer.from('这不是 Word 文档'))).rejects.toMatchObject({
      code: 'VALIDATION',
      userMessage: expect.stringContaining('不是有效的 Word 文档'),
    });
  });
});
