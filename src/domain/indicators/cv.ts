/**
 * The enrollment-weighted 差异系数 (coefficient of variation) of the 督导评估 method (standards.md §1.2):
 *   X̄ = Σ(Pᵢ·Xᵢ)/P,  S = √(Σ (Pᵢ/P)·(Xᵢ − X̄)²),  CV = S / X̄
 * Population form (not n−1), weighted by each school's enrollment. Returns null when it is undefined (no students,
 * or a zero mean).
 */
export function weightedCv(
  points: readonly { students: number; value: number }[],
): { cv: number; mean: number; sd: number } | null {
  let total = 0;
  let weighted = 0;
  for (const p of points) {
    total += p.students;
    weighted += p.students * p.value;
  }
  if (total <= 0) return null;
  const mean = weighted / total;
  if (mean === 0) return null;
  let variance = 0;
  for (const p of points) variance += (p.students / total) * (p.value - mean) ** 2;
  const sd = Math.sqrt(variance);
  return { cv: sd / mean, mean, sd };
}
