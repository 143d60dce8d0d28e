import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar } from './credit-code';
import { checkDivisionCode, checkTownshipCode, cityOf, townshipKindFromCode } from './division-code';
import { checkIdCard, idCardCheckChar, idCardFacts } from './id-card';
import { checkSchoolCode } from './school-code';

describe(checkIdCard.name, () => {
  it('accepts the standards.md vectors', () => {
    expect(checkIdCard('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(checkIdCard('34052419800101001X').ok).toBe(true);
  });
  it('normalises a lowercase x', () => {
    expect(checkIdCard(' 11010519491231002x ')).toEqual({ ok: true, value: '11010519491231002X' });
  });
  it('rejects a wrong check digit and names the expected one', () => {
    expect(checkIdCard('340524198001010013')).toEqual({ ok: false, reason: '身份证号校验位错误（最后一位应为X）' });
  });
  it('rejects bad layout, province, impossible and future dates', () => {
    expect(checkIdCard('12345').ok).toBe(false);
    expect(checkIdCard('99010519491231002X').ok).toBe(false);
    const feb30 = `1101051990023000${0}`;
    expect(checkIdCard(feb30 + idCardCheckChar(`${feb30}1`)).ok).toBe(false);
    const future = '11010520990101001';
    const r = checkIdCard(future + idCardCheckChar(future), new Date('2026-11-22'));
    expect(r).toEqual({ ok: false, reason: '身份证号中的出生日期“20990101”晚于今天' });
  });
  it('derives birth date and sex', () => {
    expect(idCardFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'female' });
    expect(idCardFacts('34052419800101001X')).toEqual({ birthDate: '1980-01-01', sex: 'male' });
  });
});

describe(checkCreditCode.name, () => {
  it('accepts the standards.md vectors', () => {
    expect(checkCreditCode('123502001549897397').ok).toBe(true);
    expect(checkCreditCode('91350200776049653A').ok).toBe(true);
  });
  it('rejects a wrong check character, a forbidden letter and a wrong length', () => {
    expect(checkCreditCode('123502001549897398')).toEqual({
      ok: false,
      reason: '统一社会信用代码校验位错误（最后一位应为7）',
    });
    expect(checkCreditCode('12350200154989739O').ok).toBe(false);
    expect(checkCreditCode('1235020015498973').ok).toBe(false);
  });
  it('computes check characters that round-trip', () => {
    const body = '12145523MB1234567';
    expect(checkCreditCode(body + creditCodeCheckChar(body)).ok).toBe(true);
  });
});

describe(checkSchoolCode.name, () => {
  it('accepts the 北大 example and checks the province', () => {
    expect(checkSchoolCode('4111010001').ok).toBe(true);
    expect(checkSchoolCode('2114001234', '14').ok).toBe(true);
    expect(checkSchoolCode('2113001234', '14')).toEqual({
      ok: false,
      reason: '学校标识码第3-4位“13”与本县所在省份代码“14”不一致',
    });
  });
  it('rejects unknown categories and bad layouts', () => {
    expect(checkSchoolCode('1914001234')).toEqual({ ok: false, reason: '学校标识码前两位“19”不是有效的学校类别代码' });
    expect(checkSchoolCode('21140012').ok).toBe(false);
    expect(checkSchoolCode('2199001234').ok).toBe(false);
  });
});

describe(checkDivisionCode.name, () => {
  it('classifies levels', () => {
    expect(checkDivisionCode('140000', 'province').ok).toBe(true);
    expect(checkDivisionCode('140400', 'city').ok).toBe(true);
    expect(checkDivisionCode('140430', 'county').ok).toBe(true);
    expect(checkDivisionCode('140400', 'county').ok).toBe(false);
    expect(checkDivisionCode('149530').ok).toBe(false);
    expect(checkDivisionCode('140012').ok).toBe(false);
    expect(checkDivisionCode('999999').ok).toBe(false);
    expect(cityOf('140430')).toBe('140400');
  });
  it('checks township codes against the county', () => {
    expect(checkTownshipCode('140430100', '140430').ok).toBe(true);
    expect(checkTownshipCode('140431100', '140430').ok).toBe(false);
    expect(townshipKindFromCode('140430001')).toBe('街道');
    expect(townshipKindFromCode('140430105')).toBe('镇');
    expect(townshipKindFromCode('140430201')).toBe('乡');
  });
});
