/**
 * Money in generated text (PRODUCT.md §5). Amounts are integer fen; text is in 万元 with at most two decimals and
 * trailing zeros dropped (1543.98万元, 120.4万元), or approximate with 余 after the unit magnitude (806万余元).
 */
import { approximateCount } from './count';
import { divideToFixed, trimTrailingZeros } from './decimal';

export const FEN_PER_YUAN = 100;
/** 1万元 in fen. */
export const FEN_PER_WAN = 1_000_000;

/**
 * - `exact`: half-up to two decimals of 万元 (1,890,062.50元 → 189.01万元);
 * - `approximate`: whole 万元 truncated, then 余 (806.62万元 → 806万余元);
 * - `auto`: exact when the amount fits two decimals of 万元 (a whole number of 百元), otherwise approximate. This is
 *   what seed 000 does: its aid figures that are whole 百元 are exact (49.9万元, 56.72万元), while the 寄宿生 +
 *   非寄宿生 sum, made of 312.5元 half-term payments, and the grand total are written 189万余元 and 806…万元 with 余.
 */
export type MoneyStyle = 'exact' | 'approximate' | 'auto';

/**
 * An amount in 万元 for a sentence.
 *
 * ```ts
 * formatWan(806620050, 'exact') // '806.62万元' (8,066,200.50元)
 * formatWan(806620050, 'approximate') // '806万余元'
 * formatWan(120400000) // '120.4万元'
 * ```
 */
export function formatWan(fen: number, style: MoneyStyle = 'exact'): string {
  assertFen(fen);
  if (style === 'exact' || (style === 'auto' && fitsTwoDecimalsOfWan(fen))) {
    return `${trimTrailingZeros(divideToFixed(fen, FEN_PER_WAN, 2))}万元`;
  }
  if (fen < FEN_PER_WAN) return approximateYuan(fen);
  const wholeWan = Math.floor(fen / FEN_PER_WAN);
  // 余 means "more than": a whole number of 万元 is written plainly.
  return fen % FEN_PER_WAN === 0 ? `${wholeWan}万元` : `${wholeWan}万余元`;
}

/** True when the amount is a whole number of 百元, i.e. exactly two decimals of 万元 or fewer. */
export function fitsTwoDecimalsOfWan(fen: number): boolean {
  assertFen(fen);
  return fen % (FEN_PER_WAN / 100) === 0;
}

/** An amount in 元 with at most two decimals, trailing zeros dropped: 31250 fen → '312.5元'. For standards. */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`formatYuan: fen must be an integer, got ${fen}`);
  return `${trimTrailingZeros(divideToFixed(fen, FEN_PER_YUAN, 2))}元`;
}

/**
 * Reads a 金额(元) cell into integer fen without floating error: '8066200.50', '1,000', 312.5, '¥500' are accepted;
 * more than two decimals, negatives and text are not (undefined).
 */
export function parseYuanToFen(input: string | number): number | undefined {
  const text =
    typeof input === 'number'
      ? numberText(input)
      : input
          .trim()
          .replace(/^[¥￥]/, '')
          .replace(/[,，]/g, '');
  if (text === undefined) return undefined;
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.replace(/元$/, ''));
  if (!match) return undefined;
  const fen = Number(match[1]) * FEN_PER_YUAN + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : undefined;
}

/** Exact yuan as a decimal string, e.g. for exports: 806620050 → '8066200.50'. */
export function fenToYuanText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fenToYuanText: fen must be an integer, got ${fen}`);
  return divideToFixed(fen, FEN_PER_YUAN, 2);
}

// Below 1万元 an approximate amount follows the count rule in whole 元: 5,320.80元 → 5300余元.
function approximateYuan(fen: number): string {
  const yuan = Math.floor(fen / FEN_PER_YUAN);
  if (yuan < 10) return formatYuan(fen);
  const text = approximateCount(yuan, '元');
  return fen % FEN_PER_YUAN !== 0 && !text.includes('余') ? text.replace(/元$/, '余元') : text;
}

function numberText(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  const text = String(value);
  return /e/i.test(text) ? undefined : text;
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`expected a non-negative integer of fen, got ${fen}`);
}
