import { PROVINCES } from './provinces';
import { type CodeCheck, invalid, valid } from './result';

export type DivisionLevel = 'province' | 'city' | 'county';

/**
 * Validates a 6-digit 行政区划代码 (GB/T 2260) and, when `level` is given, that it names a unit of that level:
 * a province ends in 0000, a city (地级) ends in 00, a county-level unit does not.
 */
export function checkDivisionCode(input: string, level?: DivisionLevel): CodeCheck {
  const value = input.trim();
  if (!/^\d{6}$/.test(value)) return invalid('行政区划代码应为6位数字');
  if (!PROVINCES[value.slice(0, 2)]) return invalid(`行政区划代码前两位“${value.slice(0, 2)}”不是有效的省级代码`);
  const city = value.slice(2, 4);
  const county = value.slice(4, 6);
  const actual: DivisionLevel = city === '00' && county === '00' ? 'province' : county === '00' ? 'city' : 'county';
  if (city === '00' && county !== '00') return invalid('行政区划代码第3-4位为00时，第5-6位也应为00');
  if (actual !== 'province') {
    const c = Number(city);
    // 01-20 and 51-70 地级市, 21-50 地区/自治州/盟, 90 省直辖县级行政区划.
    if (!((c >= 1 && c <= 70) || c === 90)) return invalid(`行政区划代码第3-4位“${city}”不是有效的地级代码`);
  }
  if (level && level !== actual) {
    const labels: Record<DivisionLevel, string> = { province: '省级', city: '地级', county: '县级' };
    return invalid(`行政区划代码“${value}”是${labels[actual]}代码，此处需要${labels[level]}代码`);
  }
  return valid(value);
}

/** Township codes (GB/T 10114) extend the county code by 3 digits: 000-099 街道, 100-199 镇, 200-299 乡. */
export function checkTownshipCode(input: string, countyCode: string): CodeCheck {
  const value = input.trim();
  if (!/^\d{9}$/.test(value)) return invalid('乡镇（街道）代码应为9位数字（县级代码+3位）');
  if (!value.startsWith(countyCode)) return invalid(`乡镇（街道）代码应以本县代码${countyCode}开头`);
  if (Number(value.slice(6)) > 599) return invalid('乡镇（街道）代码后3位超出GB/T 10114规定的范围');
  return valid(value);
}

export function townshipKindFromCode(code: string): '街道' | '镇' | '乡' | '其他' {
  const n = Number(code.slice(6, 9));
  if (n < 100) return '街道';
  if (n < 200) return '镇';
  if (n < 300) return '乡';
  return '其他';
}

/** The city (地级) code of a county code: 140430 → 140400. */
export function cityOf(countyCode: string): string {
  return `${countyCode.slice(0, 4)}00`;
}
