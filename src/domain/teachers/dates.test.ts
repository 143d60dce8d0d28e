import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, isIsoDate, nextDay } from './dates';

describe(addMonths.name, () => {
  it('adds calendar months and keeps a missing day on the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('1965-05-01', 722)).toBe('2025-07-01');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
  });
});

describe(ageOn.name, () => {
  it('counts 周岁, a 2月29日 birthday reached on 2月28日 in common years', () => {
    expect(ageOn('1995-09-02', '2025-09-01')).toBe(29);
    expect(ageOn('1995-09-02', '2025-09-02')).toBe(30);
    expect(ageOn('2000-02-29', '2023-02-27')).toBe(22);
    expect(ageOn('2000-02-29', '2023-02-28')).toBe(23);
  });
});

describe(nextDay.name, () => {
  it('crosses month and year ends', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
  });
});

describe(isIsoDate.name, () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
  });
});
