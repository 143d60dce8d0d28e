import { describe, expect, it } from 'vitest';
import { weightedCv } from './cv';

describe(weightedCv.name, () => {
  it('reproduces the worked example of standards.md §1.2 (生均图书册数)', () => {
    // (students, books) per school; X = books / students.
    const schools = [
      [45, 279],
      [37, 137],
      [89, 935],
      [76, 160],
      [55, 402],
    ].map(([students, books]) => ({ students, value: books / students }));
    const result = weightedCv(schools)!;
    expect(result.mean).toBeCloseTo(6.3344, 4);
    expect(result.sd).toBeCloseTo(3.264, 3);
    expect(result.cv).toBeCloseTo(0.5153, 4);
    expect(result.cv.toFixed(3)).toBe('0.515');
  });

  it('matches an independent computation on other data', () => {
    const schools = [
      { students: 812, value: 5.1 },
      { students: 96, value: 12.4 },
      { students: 1430, value: 3.2 },
      { students: 37, value: 21.0 },
    ];
    // Independent: the mean is total resource over total students; variance from squared deviations.
    const P = 812 + 96 + 1430 + 37;
    const mean = (812 * 5.1 + 96 * 12.4 + 1430 * 3.2 + 37 * 21.0) / P;
    const variance = schools.reduce((s, x) => s + (x.students / P) * (x.value - mean) ** 2, 0);
    expect(weightedCv(schools)!.cv).toBeCloseTo(Math.sqrt(variance) / mean, 12);
  });

  it('is zero for equal schools and undefined without students', () => {
    expect(
      weightedCv([
        { students: 10, value: 3 },
        { students: 50, value: 3 },
      ])!.cv,
    ).toBe(0);
    expect(weightedCv([])).toBeNull();
    expect(weightedCv([{ students: 0, value: 1 }])).toBeNull();
  });
});
