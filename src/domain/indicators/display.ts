/**
 * How many decimals to show a value with so that its rounded form does not contradict its judgement: a value of
 * 2.3996 against a standard of ≥2.4 fails, and shown as "2.40" it would look met — so it is shown as "2.3996".
 * Values are compared unrounded (standards.md §1.2); this only keeps the display honest.
 */
export function displayDecimals(
  value: number | null,
  decimals: number,
  threshold: number | null | undefined,
  direction: 'higher' | 'lower',
): number {
  if (value === null || threshold === null || threshold === undefined) return decimals;
  const meets = (v: number) => (direction === 'higher' ? v >= threshold : v <= threshold);
  const passes = meets(value);
  for (let d = decimals; d < 8; d++) if (meets(Number(value.toFixed(d))) === passes) return d;
  return 8;
}
