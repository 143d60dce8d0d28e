import { provinceName } from './provinces';
import { type CodeCheck, invalid, valid } from './result';

// GB 11643-1999, ISO 7064 MOD 11-2: weight of position i (1-based) is 2^(18-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits of a 公民身份号码. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export interface IdCardFacts {
  birthDate: string; // YYYY-MM-DD
  sex: 'male' | 'female';
}

/**
 * Validates an 18-digit 公民身份号码: layout, province, real birth date not after `today`, and check digit.
 * A lowercase x is accepted and normalised to X.
 */
export function checkIdCard(input: string, today: Date = new Date()): CodeCheck {
  const value = input.trim().toUpperCase();
  if (value === '') return invalid('身份证号不能为空');
  if (!/^\d{17}[\dX]$/.test(value)) return invalid('身份证号应为18位，前17位为数字，最后一位为数字或X');
  if (!provinceName(value)) return invalid(`身份证号前两位“${value.slice(0, 2)}”不是有效的省级行政区划代码`);
  const birth = value.slice(6, 14);
  const year = Number(birth.slice(0, 4));
  const month = Number(birth.slice(4, 6));
  const day = Number(birth.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return invalid(`身份证号中的出生日期“${birth}”不是有效日期`);
  }
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  if (date.getTime() > todayUtc) return invalid(`身份证号中的出生日期“${birth}”晚于今天`);
  const expected = idCardCheckChar(value);
  if (value[17] !== expected) return invalid(`身份证号校验位错误（最后一位应为${expected}）`);
  return valid(value);
}

/** Birth date and sex read from a valid ID number (GB 11643: odd 顺序码 = male). */
export function idCardFacts(validId: string): IdCardFacts {
  const birthDate = `${validId.slice(6, 10)}-${validId.slice(10, 12)}-${validId.slice(12, 14)}`;
  const sex = Number(validId[16]) % 2 === 1 ? 'male' : 'female';
  return { birthDate, sex };
}

/**
 * A valid ID number from its parts: 6-digit region, birth date 'YYYY-MM-DD' and 顺序码 (0–999; odd for men). For
 * generated demo and test people only — real numbers are read, never made.
 */
export function composeIdNumber(region: string, birthDate: string, order: number): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(order % 1000).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}
