import { describe, expect, it } from 'vitest';
import { fenToYuanText, fitsTwoDecimalsOfWan, formatWan, formatYuan, parseYuanToFen } from './money';

const wan = (yuan: number) => yuan * 100; // test helper: whole yuan to fen

describe(formatWan.name, () => {
  it('writes exact amounts in 万元 with at most two decimals, as the seeds do', () => {
    // seed 000_7654e50a319dc42c.txt, （五）资助帮扶全面落实
    expect(formatWan(wan(499_000))).toBe('49.9万元');
    expect(formatWan(wan(1_204_000))).toBe('120.4万元');
    expect(formatWan(wan(567_200))).toBe('56.72万元');
    expect(formatWan(wan(33_468_000))).toBe('3346.8万元');
    expect(formatWan(wan(35_500))).toBe('3.55万元');
    expect(formatWan(wan(4_469_700))).toBe('446.97万元');
    // seed 001_3212bd501dfd8a03.txt: 累计发放资助金1543.98万元; 为1116名贫困大学生申请助学贷款1279.33万元
    expect(formatWan(wan(15_439_800))).toBe('1543.98万元');
    expect(formatWan(wan(12_793_300))).toBe('1279.33万元');
    // seed 001: 设立书记、校长专项绩效50万元
    expect(formatWan(wan(500_000))).toBe('50万元');
  });
  it('rounds half up to two decimals when asked for an exact figure', () => {
    expect(formatWan(806_620_050)).toBe('806.62万元'); // 8,066,200.50元
    expect(formatWan(189_006_250)).toBe('189.01万元'); // 1,890,062.50元
    expect(formatWan(4_999)).toBe('0万元'); // 49.99元 is 0.004999万元
    expect(formatWan(5_000)).toBe('0.01万元');
  });
  it('truncates to whole 万元 with 余 after the unit magnitude', () => {
    // PRODUCT.md §5: 806万余元 (806.62万元); the brief's 8,066,200.50元 example.
    expect(formatWan(806_620_050, 'approximate')).toBe('806万余元');
    // 806.99万元 is still 806万余元: 余 never rounds up.
    expect(formatWan(806_990_000, 'approximate')).toBe('806万余元');
    // seed 000: 共189万余元; 共计52万余元
    expect(formatWan(189_006_250, 'approximate')).toBe('189万余元');
    expect(formatWan(52_318_000, 'approximate')).toBe('52万余元');
    // seed 001 writes "150余万元"; standards.md §7 says 余 goes after 万: 150万余元.
    expect(formatWan(150_420_000, 'approximate')).toBe('150万余元');
    expect(formatWan(wan(1_890_000), 'approximate')).toBe('189万元');
  });
  it('approximates amounts below 1万元 in 元', () => {
    expect(formatWan(532_080, 'approximate')).toBe('5300余元');
    expect(formatWan(530_080, 'approximate')).toBe('5300余元');
    expect(formatWan(530_000, 'approximate')).toBe('5300元');
    expect(formatWan(850, 'approximate')).toBe('8.5元');
  });
  it('in auto style is exact for whole 百元 and approximate otherwise (seed 000)', () => {
    expect(formatWan(wan(499_000), 'auto')).toBe('49.9万元');
    expect(formatWan(wan(8_066_200), 'auto')).toBe('806.62万元');
    expect(formatWan(189_006_250, 'auto')).toBe('189万余元');
    expect(formatWan(806_626_250, 'auto')).toBe('806万余元');
  });
  it('refuses fractional or negative fen', () => {
    expect(() => formatWan(1.5)).toThrow(RangeError);
    expect(() => formatWan(-100)).toThrow(RangeError);
  });
});

describe(fitsTwoDecimalsOfWan.name, () => {
  it('is true for whole 百元 only', () => {
    expect(fitsTwoDecimalsOfWan(wan(100))).toBe(true);
    expect(fitsTwoDecimalsOfWan(wan(150))).toBe(false);
    expect(fitsTwoDecimalsOfWan(0)).toBe(true);
  });
});

describe(formatYuan.name, () => {
  it('writes standards in 元', () => {
    expect(formatYuan(31_250)).toBe('312.5元');
    expect(formatYuan(125_000)).toBe('1250元');
    expect(formatYuan(1)).toBe('0.01元');
  });
});

describe(parseYuanToFen.name, () => {
  it('reads 金额(元) cells exactly', () => {
    expect(parseYuanToFen('8066200.50')).toBe(806_620_050);
    expect(parseYuanToFen('8,066,200.5')).toBe(806_620_050);
    expect(parseYuanToFen(' ¥312.5 ')).toBe(31_250);
    expect(parseYuanToFen('1000元')).toBe(100_000);
    expect(parseYuanToFen(312.5)).toBe(31_250);
    expect(parseYuanToFen(0.1 + 0.2)).toBeUndefined(); // 0.30000000000000004 has more than two decimals
    expect(parseYuanToFen(1e21)).toBeUndefined();
  });
  it('rejects negatives, three decimals and text', () => {
    expect(parseYuanToFen('-500')).toBeUndefined();
    expect(parseYuanToFen('312.505')).toBeUndefined();
    expect(parseYuanToFen('五百')).toBeUndefined();
    expect(parseYuanToFen('')).toBeUndefined();
  });
});

describe(fenToYuanText.name, () => {
  it('keeps two decimals', () => {
    expect(fenToYuanText(806_620_050)).toBe('8066200.50');
  });
});
