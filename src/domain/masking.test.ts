import { describe, expect, it } from 'vitest';
import { maskBankCard, maskIdNumber, maskPersonalData, maskPhone } from './masking';

describe('masking', () => {
  it('masks as the policy shows', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskBankCard('6222 0212 3456 7890')).toBe('****7890');
  });
  it('masks nested values by key and by shape', () => {
    const masked = maskPersonalData({
      name: '张三',
      idNumber: '11010519491231002X',
      nested: [{ phone: '13812341234', note: '证件 11010519491231002X' }, '11010519491231002X'],
      at: new Date('2024-01-01T00:00:00Z'),
    });
    expect(masked).toEqual({
      name: '张三',
      idNumber: '110105********002X',
      nested: [{ phone: '138****1234', note: '证件 11010519491231002X' }, '110105********002X'],
      at: new Date('2024-01-01T00:00:00Z'),
    });
  });
});
