import { PROVINCES } from './provinces';
import { type CodeCheck, invalid, valid } from './result';

/** 学校(机构)标识码 category prefixes (AA), 教育部《学校(机构)代码管理办法》. */
export const SCHOOL_CODE_CATEGORIES: Readonly<Record<string, string>> = {
  '11': '幼儿园',
  '21': '小学',
  '22': '成人小学',
  '31': '普通初中',
  '32': '职业初中',
  '33': '成人初中',
  '34': '普通高中',
  '35': '成人高中',
  '36': '中等职业学校',
  '37': '工读学校',
  '41': '普通高校',
  '42': '成人高校',
  '51': '特殊教育学校',
  '91': '其他机构',
  '92': '其他机构',
  '93': '其他机构',
};

/**
 * Validates a 10-digit 学校标识码 (AABBCCCCCC). It has no check digit, so the checks are the layout, the category
 * whitelist, the province and, when given, that the province is the county's own.
 */
export function checkSchoolCode(input: string, expectedProvince?: string): CodeCheck {
  const value = input.trim();
  if (value === '') return invalid('学校标识码不能为空');
  if (!/^\d{10}$/.test(value)) return invalid('学校标识码应为10位数字');
  const category = value.slice(0, 2);
  if (!SCHOOL_CODE_CATEGORIES[category]) return invalid(`学校标识码前两位“${category}”不是有效的学校类别代码`);
  const province = value.slice(2, 4);
  if (!PROVINCES[province]) return invalid(`学校标识码第3-4位“${province}”不是有效的省级行政区划代码`);
  if (expectedProvince && province !== expectedProvince) {
    return invalid(`学校标识码第3-4位“${province}”与本县所在省份代码“${expectedProvince}”不一致`);
  }
  return valid(value);
}
