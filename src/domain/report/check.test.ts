import { describe, expect, it } from 'vitest';
import { checkDraft } from './check';
import { type Draft, figure, text } from './draft';
import type { Fact } from './facts';

const fact = (id: string, value: number, threshold?: number): Fact => ({
  id,
  label: id,
  unit: '人',
  value,
  period: { kind: 'year', year: 2024 },
  scope: { level: 'county', id: '145523', name: '青禾县' },
  formula: '',
  href: '',
  ...(threshold === undefined
    ? {}
    : { threshold: { value: threshold, pass: value >= threshold, direction: 'higher' as const } }),
});

describe(checkDraft.name, () => {
  const draft: Draft = {
    title: '青禾县教育局2024年工作总结',
    blocks: [
      { kind: 'title', runs: [text('青禾县教育局2024年工作总结')] },
      {
        kind: 'paragraph',
        runs: [
          text('新招聘特岗教师'),
          figure('30名', 'teachers.hired.special_post', 30),
          text('，培训'),
          figure('1.4万余人次', 'teachers.training.person_times', 14210),
          text('，覆盖率'),
          { text: '99%', fact: { factId: 'teachers.training.coverage', value: 98.6, rendered: '98.60%' } },
          text('，低于'),
          figure('80%', 'indicators.inclusive_coverage.preschool#threshold', 80),
          text('的标准，另有'),
          figure('3所', 'teachers.gone', 3),
          text('学校，全年家访1200次。'),
        ],
      },
    ],
  };
  const facts = new Map(
    [
      fact('teachers.hired.special_post', 30),
      fact('teachers.training.person_times', 14500),
      fact('teachers.training.coverage', 98.6),
      fact('indicators.inclusive_coverage.preschool', 78.4, 80),
    ].map((f) => [f.id, f]),
  );

  it('tells current, stale, hand-edited and vanished figures apart, and finds numbers typed by hand', () => {
    const { figures, untagged } = checkDraft(draft, facts);
    expect(figures.map((f) => [f.factId, f.state])).toEqual([
      ['teachers.hired.special_post', 'current'],
      ['teachers.training.person_times', 'stale'],
      ['teachers.training.coverage', 'edited'],
      ['indicators.inclusive_coverage.preschool#threshold', 'current'],
      ['teachers.gone', 'missing'],
    ]);
    expect(figures[1]).toMatchObject({ valueThen: 14210, valueNow: 14500 });
    expect(untagged.map((u) => u.number)).toEqual(['1200']);
  });
});
