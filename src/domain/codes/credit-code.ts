import { type CodeCheck, invalid, valid } from './result';

// GB 32100-2015: 31 characters without I O S V Z; weight of position i is 3^(i-1) mod 31.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th (check) character for the first 17 characters of a 统一社会信用代码. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  const c = 31 - (sum % 31);
  return CHARSET[c === 31 ? 0 : c];
}

/** Registration-authority + category prefixes that a school or kindergarten can carry. */
export const CREDIT_CODE_CATEGORIES: Readonly<Record<string, string>> = {
  '11': '机关',
  '12': '事业单位',
  '51': '社会团体',
  '52': '民办非企业单位',
  '53': '基金会',
  '91': '企业',
};

export function checkCreditCode(input: string): CodeCheck {
  const value = input.trim().toUpperCase();
  if (value === '') return invalid('统一社会信用代码不能为空');
  if (value.length !== 18) return invalid(`统一社会信用代码应为18位，实际为${value.length}位`);
  for (const ch of value) {
    if (!CHARSET.includes(ch)) return invalid(`统一社会信用代码含有不允许的字符“${ch}”（不使用I、O、S、V、Z）`);
  }
  if (!/^\d{6}$/.test(value.slice(2, 8)))
    return invalid('统一社会信用代码第3-8位应为登记管理机关行政区划码（6位数字）');
  const expected = creditCodeCheckChar(value);
  if (value[17] !== expected) return invalid(`统一社会信用代码校验位错误（最后一位应为${expected}）`);
  return valid(value);
}
