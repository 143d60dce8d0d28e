import type { HeadingLevel } from '../../domain/report/draft';

/**
 * GB/T 9704-2012 page and type measurements in docx units (twips; run sizes in half-points), from standards.md §5 and
 * stack.md §6. Twips are written by hand: docx's convertMillimetersToTwip floors (A4 would become 11905×16837).
 */
export const PAGE = { width: 11906, height: 16838 } as const;

/** 天头 37 mm, 订口 28 mm; right 26 mm and bottom 35 mm leave the 156×225 mm 版心. */
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;

/** No header is used; 15 mm keeps Word's header area clear of the 版心. */
export const HEADER_DISTANCE = 851;

/**
 * Footer distance from the bottom edge: puts the 一字线 of the page number about 7 mm below the 版心 (measured in the
 * LibreOffice PDF, see pdf.test.ts).
 */
export const FOOTER_DISTANCE = 1424;

/** 225 mm / 22 lines = 28.95 pt. Exact line spacing, not a docGrid: LibreOffice honours it (stack.md §6). */
export const LINE_PITCH = 579;

/** 3号 = 16 pt. */
export const BODY_SIZE = 32;
/** 2号 = 22 pt. */
export const TITLE_SIZE = 44;
/** 4号 = 14 pt. */
export const PAGE_NUMBER_SIZE = 28;

/**
 * −0.25 pt per character (twentieths of a point) makes the advance 15.75 pt, so 28 characters fill the 156 mm line
 * (442.2 pt); at plain 16 pt only 27 fit. A docGrid charSpace does the same in Word but LibreOffice mis-renders it.
 */
export const BODY_CHARACTER_SPACING = -5;

/** One body character's advance in twips (16 pt − 0.25 pt). */
export const BODY_CHARACTER_PITCH = 320 + BODY_CHARACTER_SPACING;

/** 空两字: two body characters, so indented text stays on the 28-character columns. */
export const FIRST_LINE_INDENT = 2 * BODY_CHARACTER_PITCH;

/** 页码 indented one 4号 character from the outer edge. */
export const PAGE_NUMBER_INDENT = 280;

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heiti: '黑体',
  kaiti: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

/** 一、黑体 · （一）楷体 · 1. 仿宋 · （1）仿宋, all 3号. */
export const HEADING_FONT: Record<HeadingLevel, string> = {
  1: FONT.heiti,
  2: FONT.kaiti,
  3: FONT.body,
  4: FONT.body,
};

/**
 * Display width of a string in body characters: CJK and full-width forms count one, everything else (digits, Latin)
 * half. Close enough to place the 署名 and 成文日期 against each other.
 */
export function textWidthInCharacters(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    width += code < 0x1100 || (code >= 0xff61 && code <= 0xffdc) ? 0.5 : 1;
  }
  return width;
}

/**
 * Right indents (in characters) of the 署名 and the 成文日期 for an unsealed document (GB/T 9704 §7.3.5.2): the 署名 is
 * 右空二字 and the date starts two characters right of the 署名; when the date is longer than the 署名, the date is
 * 右空二字 and the 署名 moves left to keep the two-character offset.
 */
export function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const issuerWidth = textWidthInCharacters(issuer);
  const dateWidth = textWidthInCharacters(date);
  if (dateWidth > issuerWidth) return { issuer: 2 + dateWidth + 2 - issuerWidth, date: 2 };
  return { issuer: 2, date: 2 + issuerWidth - 2 - dateWidth };
}

/**
 * 成文日期 in Arabic numerals with the full year and no zero padding (GB/T 9704 §7.3.5.4): `2025-01-05`, `2025/1/5`
 * and `2025年01月05日` all become `2025年1月5日`. Anything else is kept as written.
 */
export function formatDocumentDate(date: string): string {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(date);
  if (!match) return date.trim();
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}
