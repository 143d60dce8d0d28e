import { strFromU8, unzipSync } from 'fflate';
import type { FactRef } from '../../domain/report/draft';
import { AppError } from '../errors';
import { factIdHash, parseFigureBookmarkName, readFigureProperties } from './figure-bookmarks';
import { scanXml } from './xml-scan';

/**
 * - `unchanged`: the bookmark is there and holds the rendered text.
 * - `changed`: the bookmark is there but its text was edited (or emptied).
 * - `missing`: the document records the figure but its bookmark is gone: the figure was deleted or retyped.
 * - `unmapped`: a figure bookmark without its record (custom properties lost); match `factHash` against known facts.
 */
export type FigureStatus = 'unchanged' | 'changed' | 'missing' | 'unmapped';

export interface DocxFigure {
  factId: string;
  /** The figure's text when the document was rendered ('' when unmapped). */
  renderedValue: string;
  /** The bookmark's text now ('' when missing). */
  textNow: string;
  status: FigureStatus;
  bookmark: string;
  /** First 10 hex digits of SHA-256(factId), from the bookmark name or the record. */
  factHash: string;
  /** The fact's value at render time, when the record survived. */
  value?: FactRef['value'];
  /** Index into `paragraphs` of the paragraph the figure is in, when known. */
  paragraphIndex: number | null;
}

export interface DocxFigures {
  /** The body text, paragraphs joined by newlines. */
  text: string;
  figures: DocxFigure[];
  /** The body's non-empty paragraphs in reading order (tables and text boxes included, headers and footers not). */
  paragraphs: string[];
}

const MAX_PART_BYTES = 64 * 1024 * 1024;
const RELATIONSHIP_SUFFIX = { document: '/officeDocument', custom: '/custom-properties' } as const;

function unreadable(message: string, cause?: unknown): AppError {
  return new AppError('VALIDATION', {
    message: `Not a readable DOCX: ${message}`,
    userMessage: '无法读取该文件：它不是有效的 Word 文档（.docx）。',
    cause,
  });
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Package-relative targets of the root relationships (`_rels/.rels`) by type suffix. */
function rootTargets(rels: string | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  if (!rels) return targets;
  scanXml(rels, {
    open(name, attributes) {
      if (localName(name) !== 'Relationship' || !attributes.Type || !attributes.Target) return;
      for (const suffix of Object.values(RELATIONSHIP_SUFFIX)) {
        if (attributes.Type.endsWith(suffix)) targets.set(suffix, attributes.Target.replace(/^\//, ''));
      }
    },
  });
  return targets;
}

function readCustomProperties(xml: string | undefined): Map<string, string> {
  const properties = new Map<string, string>();
  if (!xml) return properties;
  let current: string | null = null;
  let value = '';
  scanXml(xml, {
    open(name, attributes) {
      if (localName(name) === 'property') {
        current = attributes.name ?? null;
        value = '';
      }
    },
    text(text) {
      if (current !== null) value += text;
    },
    close(name) {
      if (localName(name) === 'property' && current !== null) {
        properties.set(current, value);
        current = null;
      }
    },
  });
  return properties;
}

interface FoundBookmark {
  name: string;
  text: string;
  paragraph: number | null;
  order: number;
}

interface OpenBookmark extends FoundBookmark {
  pendingBreak: boolean;
}

// Text inside these is not part of the document as it reads now (tracked deletions, moved-away text, properties).
const HIDDEN_TEXT = new Set(['w:del', 'w:moveFrom', 'w:pPr', 'w:rPr', 'w:sectPr']);
// mc:Fallback repeats what mc:Choice says (text boxes), so everything in it, bookmarks included, is skipped.
const SKIPPED = new Set(['mc:Fallback']);

/** Walks the main document part: paragraph texts and the text inside each figure bookmark. */
function walkDocument(xml: string): { paragraphs: string[]; bookmarks: Map<string, FoundBookmark> } {
  const paragraphs: string[] = [];
  const paragraphStack: number[] = [];
  const elements: string[] = [];
  const open = new Map<string, OpenBookmark>();
  const bookmarks = new Map<string, FoundBookmark>();
  let hidden = 0;
  let skipped = 0;
  let started = 0;

  const append = (text: string) => {
    const paragraph = paragraphStack.at(-1);
    if (paragraph !== undefined) paragraphs[paragraph] += text;
    for (const bookmark of open.values()) {
      if (bookmark.pendingBreak) bookmark.text += '\n';
      bookmark.pendingBreak = false;
      bookmark.text += text;
      bookmark.paragraph ??= paragraph ?? null;
    }
  };
  const finish = (id: string) => {
    const bookmark = open.get(id);
    if (!bookmark) return;
    open.delete(id);
    // Word refuses duplicate names; if another tool made one, the first occurrence counts.
    if (!bookmarks.has(bookmark.name)) bookmarks.set(bookmark.name, bookmark);
  };

  scanXml(xml, {
    open(name, attributes) {
      const parent = elements.at(-1);
      elements.push(name);
      if (SKIPPED.has(name)) skipped++;
      if (HIDDEN_TEXT.has(name)) hidden++;
      if (skipped) return;
      if (name === 'w:p') {
        paragraphStack.push(paragraphs.length);
        paragraphs.push('');
      } else if (name === 'w:bookmarkStart') {
        const id = attributes['w:id'];
        const bookmarkName = attributes['w:name'];
        if (id === undefined || !bookmarkName || !parseFigureBookmarkName(bookmarkName)) return;
        const paragraph = paragraphStack.at(-1) ?? null;
        open.set(id, { name: bookmarkName, text: '', paragraph, order: started++, pendingBreak: false });
      } else if (name === 'w:bookmarkEnd') {
        if (attributes['w:id'] !== undefined) finish(attributes['w:id']);
      } else if (!hidden && parent === 'w:r') {
        if (name === 'w:tab') append('\t');
        else if (name === 'w:br' || name === 'w:cr') append('\n');
        else if (name === 'w:noBreakHyphen') append('-');
      }
    },
    text(text) {
      if (!skipped && !hidden && elements.at(-1) === 'w:t') append(text);
    },
    close(name) {
      elements.pop();
      if (SKIPPED.has(name)) skipped--;
      if (HIDDEN_TEXT.has(name)) hidden--;
      if (skipped || name !== 'w:p') return;
      paragraphStack.pop();
      for (const bookmark of open.values()) if (bookmark.text) bookmark.pendingBreak = true;
    },
  });
  // A bookmark whose end was deleted runs to the end of the document.
  for (const id of [...open.keys()]) finish(id);
  return { paragraphs, bookmarks };
}

/**
 * Reads a DOCX written by renderDraftDocx, possibly edited since in Word, WPS or LibreOffice: the body's paragraphs and
 * text, and every figure with its rendered text and the text its bookmark holds now. Tracked changes read as if
 * accepted. Figures whose bookmark was deleted come back as `missing`; their text is still in `text`/`paragraphs`.
 */
export async function readDocxFigures(buffer: Uint8Array): Promise<DocxFigures> {
  // Only the parts needed are inflated, each capped, so a hostile upload cannot blow up memory.
  const unzipParts = (wanted: (name: string) => boolean): Record<string, string> => {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(buffer, {
        filter: (file) => {
          if (!wanted(file.name)) return false;
          if (file.originalSize > MAX_PART_BYTES) throw unreadable(`part ${file.name} is too large`);
          return true;
        },
      });
    } catch (error) {
      throw error instanceof AppError ? error : unreadable('not a ZIP package', error);
    }
    return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
  };

  const targets = rootTargets(unzipParts((name) => name === '_rels/.rels')['_rels/.rels']);
  const documentPath = targets.get(RELATIONSHIP_SUFFIX.document) ?? 'word/document.xml';
  const customPath = targets.get(RELATIONSHIP_SUFFIX.custom) ?? 'docProps/custom.xml';
  const parts = unzipParts((name) => name === documentPath || name === customPath);
  const documentXml = parts[documentPath];
  if (!documentXml) throw unreadable('no main document part');
  const records = readFigureProperties(readCustomProperties(parts[customPath]));

  let walked: ReturnType<typeof walkDocument>;
  try {
    walked = walkDocument(documentXml);
  } catch (error) {
    throw unreadable('malformed document.xml', error);
  }

  // Drop empty paragraphs (blank lines) and renumber the figures' paragraph indexes to match.
  const paragraphs: string[] = [];
  const newIndex = new Map<number, number>();
  walked.paragraphs.forEach((paragraph, i) => {
    if (paragraph.trim() === '') return;
    newIndex.set(i, paragraphs.length);
    paragraphs.push(paragraph);
  });
  const paragraphOf = (found: FoundBookmark | undefined) =>
    found && found.paragraph !== null ? (newIndex.get(found.paragraph) ?? null) : null;

  const ordered = [...records.values()].sort(
    (a, b) => parseFigureBookmarkName(a.bookmark)!.ordinal - parseFigureBookmarkName(b.bookmark)!.ordinal,
  );
  const figures: DocxFigure[] = ordered.map((record) => {
    const found = walked.bookmarks.get(record.bookmark);
    const textNow = found?.text ?? '';
    const status: FigureStatus = !found
      ? 'missing'
      : textNow.trim() === record.rendered.trim()
        ? 'unchanged'
        : 'changed';
    return {
      factId: record.factId,
      renderedValue: record.rendered,
      textNow,
      status,
      bookmark: record.bookmark,
      factHash: factIdHash(record.factId),
      value: record.value,
      paragraphIndex: paragraphOf(found),
    };
  });
  const unmapped = [...walked.bookmarks.values()]
    .filter((found) => !records.has(found.name))
    .sort((a, b) => a.order - b.order);
  for (const found of unmapped) {
    figures.push({
      factId: '',
      renderedValue: '',
      textNow: found.text,
      status: 'unmapped',
      bookmark: found.name,
      factHash: parseFigureBookmarkName(found.name)!.hash,
      paragraphIndex: paragraphOf(found),
    });
  }

  return { text: paragraphs.join('\n'), figures, paragraphs };
}
