import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy';

describe(passwordProblems.name, () => {
  it('accepts 8+ characters from 3 of 4 classes', () => {
    expect(passwordProblems('Abcdefg1')).toEqual([]);
    expect(passwordProblems('abcdef1!')).toEqual([]);
  });
  it('names every problem', () => {
    expect(passwordProblems('Ab1')).toEqual(['密码长度至少8位']);
    expect(passwordProblems('abcdefgh')).toEqual(['密码须包含大写字母、小写字母、数字、特殊字符中的至少三类']);
    expect(passwordProblems('Zhang@2024', 'zhang')).toEqual(['密码不能包含用户名']);
  });
});
