import { describe, expect, it } from 'vitest';
import { DEFAULT_ABOVE_QUALIFIED_MINIMUM, isAboveQualified } from './qualification';

describe(isAboveQualified.name, () => {
  it('小学 counts 专科 and above, 初中 本科 and above, 高中 研究生', () => {
    expect(isAboveQualified('associate', 'primary')).toBe(true);
    expect(isAboveQualified('senior_secondary', 'primary')).toBe(false);
    expect(isAboveQualified('associate', 'junior')).toBe(false);
    expect(isAboveQualified('bachelor', 'junior')).toBe(true);
    expect(isAboveQualified('bachelor', 'senior')).toBe(false);
    expect(isAboveQualified('doctorate', 'senior')).toBe(true);
  });

  it('takes a province rule that asks 本科 for 小学', () => {
    const strict = { ...DEFAULT_ABOVE_QUALIFIED_MINIMUM, primary: 'bachelor' as const };
    expect(isAboveQualified('associate', 'primary', strict)).toBe(false);
    expect(isAboveQualified('bachelor', 'primary', strict)).toBe(true);
  });
});
