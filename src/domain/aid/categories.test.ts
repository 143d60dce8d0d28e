import { describe, expect, it } from 'vitest';
import { categoryFromText, categoryLabels, hardshipLevelFromText, parseCategories } from './categories';

describe(parseCategories.name, () => {
  it('reads several categories, labels and older names alike', () => {
    expect(parseCategories('脱贫家庭、残疾')).toEqual({ categories: ['poverty_alleviated', 'disabled'], unknown: [] });
    expect(parseCategories('建档立卡，农村低保; 事实无人抚养儿童')).toEqual({
      categories: ['poverty_alleviated', 'minimum_living', 'de_facto_orphan'],
      unknown: [],
    });
  });
  it('drops repeats and returns unknown words for the error report', () => {
    expect(parseCategories('孤儿/孤儿 贫困生')).toEqual({ categories: ['orphan'], unknown: ['贫困生'] });
    expect(parseCategories('')).toEqual({ categories: [], unknown: [] });
  });
});

describe(categoryFromText.name, () => {
  it('maps codes, labels and aliases', () => {
    expect(categoryFromText('martyr_child')).toBe('martyr_child');
    expect(categoryFromText('边缘易致贫户')).toBe('monitored');
    expect(categoryFromText(' 特困供养 ')).toBe('destitute');
    expect(categoryFromText('toString')).toBeUndefined();
  });
});

describe(categoryLabels.name, () => {
  it('joins labels with 、', () => {
    expect(categoryLabels(['minimum_living', 'other_hardship'])).toBe('低保、其他家庭经济困难');
  });
});

describe(hardshipLevelFromText.name, () => {
  it('maps labels and codes', () => {
    expect(hardshipLevelFromText('特别困难')).toBe('special');
    expect(hardshipLevelFromText('general')).toBe('general');
    expect(hardshipLevelFromText('很困难')).toBeUndefined();
  });
});
