/**
 * School years (学年), terms (学期) and calendar years. A 学年 runs 9月1日 to 8月31日; its autumn term (秋季学期)
 * belongs to the first calendar year and its spring term (春季学期) to the second.
 */

/** A 学年 identified by its starting year: 2023 is 2023-2024学年. */
export type SchoolYear = number;
export type Season = 'autumn' | 'spring';
export interface Term {
  year: number; // the calendar year the term is in
  season: Season;
}

export function schoolYearLabel(start: SchoolYear): string {
  return `${start}-${start + 1}学年`;
}

/** Parses '2023-2024学年', '2023-2024', '2023—2024学年' or '2023学年'. Returns undefined when it is not one. */
export function parseSchoolYear(input: string): SchoolYear | undefined {
  const text = input.trim().replace(/\s+/g, '');
  const pair = /^(\d{4})[-—–~至](\d{4})(学年)?$/.exec(text);
  if (pair) {
    const a = Number(pair[1]);
    return Number(pair[2]) === a + 1 ? a : undefined;
  }
  const single = /^(\d{4})(学年)?$/.exec(text);
  return single ? Number(single[1]) : undefined;
}

/** Inclusive date range of a 学年, as ISO dates. */
export function schoolYearRange(start: SchoolYear): { from: string; to: string } {
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/** The 学年 a date falls in. */
export function schoolYearOf(isoDate: string): SchoolYear {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 9 ? year : year - 1;
}

export function termLabel(term: Term): string {
  return `${term.year}年${term.season === 'autumn' ? '秋季' : '春季'}学期`;
}

/** A stable code for storage and URLs: '2023-autumn'. */
export function termCode(term: Term): string {
  return `${term.year}-${term.season}`;
}

/** Parses '2023年秋季学期', '2023秋', '2023年春季', '2023-autumn'. */
export function parseTerm(input: string): Term | undefined {
  const text = input.trim().replace(/\s+/g, '');
  const code = /^(\d{4})-(autumn|spring)$/.exec(text);
  if (code) return { year: Number(code[1]), season: code[2] as Season };
  const chinese = /^(\d{4})年?(秋|春)(季)?(学期)?$/.exec(text);
  if (chinese) return { year: Number(chinese[1]), season: chinese[2] === '秋' ? 'autumn' : 'spring' };
  return undefined;
}

/** The 学年 a term belongs to: 2023年秋季 and 2024年春季 are both 2023-2024学年. */
export function schoolYearOfTerm(term: Term): SchoolYear {
  return term.season === 'autumn' ? term.year : term.year - 1;
}

/** The two terms of a calendar year, in order: spring then autumn. */
export function termsOfCalendarYear(year: number): [Term, Term] {
  return [
    { year, season: 'spring' },
    { year, season: 'autumn' },
  ];
}

/** Inclusive date range of a term: spring 2月1日–8月31日, autumn 9月1日–次年1月31日. */
export function termRange(term: Term): { from: string; to: string } {
  return term.season === 'spring'
    ? { from: `${term.year}-02-01`, to: `${term.year}-08-31` }
    : { from: `${term.year}-09-01`, to: `${term.year + 1}-01-31` };
}

/** Today's date as YYYY-MM-DD in China Standard Time, independent of the server's time zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** True when `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Formats an ISO date the way 公文 write it: 2025年1月5日 (Arabic numerals, no zero padding). */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * Reads a date the way Chinese spreadsheets write it: 2001-09-01, 2001/9/1, 2001.9.1, 2001年9月1日, 20010901.
 * Returns YYYY-MM-DD, or undefined when the text is not a real date.
 */
export function parseDateText(input: string): string | undefined {
  const text = input.trim();
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}
