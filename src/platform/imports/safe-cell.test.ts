import { describe, expect, it } from 'vitest';
import { safeCell } from './safe-cell';

describe(safeCell.name, () => {
  it('neutralises every formula trigger and leaves other values alone', () => {
    for (const bad of ['=1+1', '+86 123', '-2+3', '@SUM(A1)', '\t=x', '\r=x']) expect(safeCell(bad)).toBe(`'${bad}`);
    expect(safeCell('城关镇中心小学')).toBe('城关镇中心小学');
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBe(null);
  });
});
