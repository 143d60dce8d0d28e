/**
 * Chinese numerals where official text uses them: heading numbers (一、（一）1.（1）, GB/T 9704 levels), ordinals
 * (排名第三), small quantities (四名同学, 两名教师) and enumerations (一是……；二是……。). Counts, amounts and dates
 * stay in Arabic numerals.
 */
import type { HeadingLevel } from '../report/draft';

const DIGITS = '零一二三四五六七八九';
const PLACES = ['', '十', '百', '千'];

/** 0–99999999 in Chinese numerals: 10 → 十, 15 → 十五, 101 → 一百零一, 1010 → 一千零一十, 100010 → 十万零一十. */
export function chineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 100_000_000) throw new RangeError(`chineseNumeral: out of range ${n}`);
  if (n === 0) return DIGITS[0];
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  let text = high > 0 ? `${section(high)}万` : '';
  if (low > 0) text += high > 0 && low < 1000 ? `零${section(low)}` : section(low);
  // 10–19 (and 10万–19万) are read 十…, not 一十….
  return text.startsWith('一十') ? text.slice(1) : text;
}

/** 第三, 第十一. */
export function chineseOrdinal(n: number): string {
  if (n < 1) throw new RangeError(`chineseOrdinal: ${n} is not an ordinal`);
  return `第${chineseNumeral(n)}`;
}

/** A quantity before a measure word: 两 for 2 (两名教师, seed 003), otherwise the numeral (四名同学, seed 000). */
export function chineseQuantity(n: number): string {
  return n === 2 ? '两' : chineseNumeral(n);
}

/** The number that opens a heading of `level`: headingNumber(2, 12) → '（十二）'. */
export function headingNumber(level: HeadingLevel, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`headingNumber: ${n} is not a heading number`);
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/**
 * An enumeration inside a paragraph: ['城乡教育发展不平衡', '教师队伍结构不合理'] →
 * '一是城乡教育发展不平衡；二是教师队伍结构不合理。'. Items may carry their own trailing punctuation; it is replaced.
 */
export function enumerate(items: readonly string[]): string {
  const clean = items.map((item) => item.trim().replace(/[。；;，,、]+$/, '')).filter((item) => item !== '');
  if (clean.length === 0) return '';
  return `${clean.map((item, index) => `${chineseNumeral(index + 1)}是${item}`).join('；')}。`;
}

function section(n: number): string {
  let text = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      pendingZero = text !== '';
      continue;
    }
    if (pendingZero) text += DIGITS[0];
    pendingZero = false;
    text += DIGITS[digit] + PLACES[place];
  }
  return text;
}
