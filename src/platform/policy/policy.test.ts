import { describe, expect, it } from 'vitest';
import { pickEntry, shippedPolicy } from './policy';

describe(pickEntry.name, () => {
  const entries = [
    { key: 'k', province: '00', from: 2017, value: 1, origin: 'shipped' as const },
    { key: 'k', province: '00', from: 2024, value: 2, origin: 'shipped' as const },
    { key: 'k', province: '14', from: 2020, value: 3, origin: 'shipped' as const },
    { key: 'k', province: '14', from: 2018, value: 4, origin: 'local' as const },
  ];
  it('prefers local settings, then the province, then the latest year on or before the one asked', () => {
    expect(pickEntry(entries, 'k', '13', 2023)?.value).toBe(1);
    expect(pickEntry(entries, 'k', '13', 2024)?.value).toBe(2);
    expect(pickEntry(entries, 'k', '14', 2023)?.value).toBe(4);
    expect(pickEntry(entries.slice(0, 3), 'k', '14', 2023)?.value).toBe(3);
    expect(pickEntry(entries, 'k', '14', 2016)).toBeUndefined();
  });
  it('ships every 优质均衡 threshold of standards.md §1.1', () => {
    const l6 = pickEntry(shippedPolicy(), 'threshold.quality_l6', '14', 2024);
    expect(l6?.value).toEqual({ primary: 2000, junior: 2500 });
    expect(pickEntry(shippedPolicy(), 'rule.balance.smallTeachingPointMergeBelow', '14', 2024)?.value).toBe(50);
    expect(pickEntry(shippedPolicy(), 'rule.balance.smallTeachingPointMergeBelow', '41', 2024)?.value).toBeNull();
  });
});
