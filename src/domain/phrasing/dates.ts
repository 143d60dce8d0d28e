/**
 * Dates in generated text are written in Arabic numerals without zero padding, as 公文 do: 2024年12月5日, 2024年1月.
 * The day form lives in period.ts (it is also used by the UI); this file gathers the text forms in one place.
 */
export { chineseDate } from '../period';

/** '2024-01-15' or '2024-01' → '2024年1月' (seed 000 dates its summary "（2024年1月）"). */
export function chineseYearMonth(isoDateOrMonth: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(isoDateOrMonth.trim());
  if (!match) throw new RangeError(`chineseYearMonth: not an ISO date or month: ${isoDateOrMonth}`);
  const month = Number(match[2]);
  if (month < 1 || month > 12) throw new RangeError(`chineseYearMonth: bad month in ${isoDateOrMonth}`);
  return `${Number(match[1])}年${month}月`;
}
