/**
 * Turns whatever a spreadsheet cell holds into the text a user typed. Numbers that Excel stored in floating point lose
 * digits past the 15th; they come back in exponent form so the column check can say what happened.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    if (Math.abs(value) >= 1e15) return value.toExponential();
    return String(Number(value.toPrecision(15)));
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: string;
      formula?: string;
    };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('');
    if ('result' in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.error) return '';
  }
  return String(value);
}

/** True for the exponent form cellText gives a number that lost digits. */
export function lostDigits(text: string): boolean {
  return /^-?\d(\.\d+)?e[+-]?\d+$/i.test(text);
}

/** Headers compare without spaces, a leading '*' marker, and with full-width parentheses made half-width. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/[\s\u3000]/g, '')
    .replace(/^\*/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}
