import { describe, expect, it } from 'vitest';
import { type Draft, figure, text } from './draft';
import { reportYears, untaggedNumbers } from './untagged';

const draft = (blocks: Draft['blocks']): Draft => ({ title: '青禾县教育局2025年工作总结', blocks });

describe(reportYears.name, () => {
  it('takes the years of the title and the plan year after each', () => {
    expect(reportYears(draft([]))).toEqual([2025, 2026]);
    expect(reportYears({ title: '青禾县教育局2025年工作总结和2026年工作计划', blocks: [] })).toEqual([
      2025, 2026, 2027,
    ]);
  });
});

describe(untaggedNumbers.name, () => {
  it('accepts figures in tagged runs, the report years before 年, and the signature date', () => {
    const ok = draft([
      { kind: 'title', runs: [text('青禾县教育局2025年工作总结')] },
      { kind: 'heading', level: 1, runs: [text('三、2026年工作计划')] },
      { kind: 'paragraph', runs: [text('新招聘特岗教师'), figure('30名', 'teachers.hired.special_post', 30)] },
      { kind: 'signature', issuer: '青禾县教育局', date: '2026年1月5日' },
    ]);
    expect(untaggedNumbers(ok)).toEqual([]);
  });
  it('finds numbers typed as plain text, in leads too, and years that are not the report years', () => {
    const bad = draft([
      {
        kind: 'paragraph',
        lead: { level: 2, runs: [text('（一）新增学位320个。')] },
        runs: [text('普惠性幼儿园覆盖率达'), figure('78.40%', 'i', 78.4), text('，高于0.50的标准，2019年以来')],
      },
      { kind: 'paragraph', runs: [text('受助学生１１８３４人次，2025人')] },
    ]);
    expect(untaggedNumbers(bad).map((found) => [found.block, found.number])).toEqual([
      [0, '320'],
      [0, '0.50'],
      [0, '2019'],
      [1, '１１８３４'],
      [1, '2025'],
    ]);
  });
});
