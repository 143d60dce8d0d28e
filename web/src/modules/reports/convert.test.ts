import { checkDraft } from '@domain/report/check';
import { type Draft, figure, text } from '@domain/report/draft';
import type { Fact, FactSet } from '@domain/report/facts';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { docToDraft, draftToDoc, factSetOf, figureOf, flagSegments, type Segment } from './convert';

const DRAFT: Draft = {
  title: '青禾县教育局2024年工作总结',
  blocks: [
    { kind: 'title', runs: [text('青禾县教育局2024年工作总结')] },
    { kind: 'heading', level: 1, runs: [text('一、2024年工作成效')] },
    {
      kind: 'paragraph',
      lead: { level: 2, runs: [text('（一）统筹各类教育发展。')] },
      runs: [
        text('全县共有学校'),
        figure('58所', 'org.schools.total', 58),
        text('，其中幼儿园'),
        // Two figures side by side keep apart.
        figure('432人次', 'aid.program.preschool_aid.person_times', 432),
        figure('31.3万元', 'aid.program.preschool_aid.amount_fen', 313_000),
        text('。'),
      ],
    },
    {
      kind: 'paragraph',
      runs: [text('差异系数为'), figure('0.50', 'indicators.cv#threshold', 0.5), text('。')],
    },
    { kind: 'signature', issuer: '青禾县教育局', date: '2025年1月10日' },
  ],
};

function fact(id: string, value: number, threshold?: number): Fact {
  return {
    id,
    label: id,
    unit: '个',
    value,
    period: { kind: 'year', year: 2024 },
    scope: { level: 'county', id: '1', name: '青禾县' },
    formula: '',
    href: '/',
    ...(threshold !== undefined ? { threshold: { value: threshold, pass: false, direction: 'lower' as const } } : {}),
  };
}

const FACTS: FactSet = new Map(
  [
    fact('org.schools.total', 58),
    fact('aid.program.preschool_aid.person_times', 432),
    fact('aid.program.preschool_aid.amount_fen', 313_000),
    fact('indicators.cv', 0.526, 0.5),
  ].map((f) => [f.id, f]),
);

/** The text nodes of the document's block `index`. */
const inline = (doc: JSONContent, index: number) => doc.content?.[index]?.content ?? [];

describe('draft ⇄ editor document', () => {
  it('round-trips a draft: blocks, lead, figures with their fact, value and rendered text', () => {
    const doc = draftToDoc(DRAFT);
    expect(doc.content?.map((n) => n.type)).toEqual([
      'reportTitle',
      'reportHeading',
      'paragraph',
      'paragraph',
      'reportSignature',
    ]);
    expect(figureOf(inline(doc, 2)[2])).toMatchObject({ factId: 'org.schools.total', value: 58, rendered: '58所' });
    expect(docToDraft(doc, 'x')).toEqual(DRAFT);
  });

  it('keeps an edited figure tagged with its original value and rendered text', () => {
    const doc = draftToDoc(DRAFT);
    inline(doc, 2)[2].text = '60所';
    const draft = docToDraft(doc, 'x');
    const block = draft.blocks[2];
    if (block.kind !== 'paragraph') throw new Error('unreachable');
    expect(block.runs[1]).toEqual({
      text: '60所',
      fact: { factId: 'org.schools.total', value: 58, rendered: '58所' },
    });
    expect(checkDraft(draft, FACTS).figures.find((f) => f.factId === 'org.schools.total')?.state).toBe('edited');
  });

  it('joins the split pieces of one figure and of plain text; drops empty paragraphs; keeps the title', () => {
    const doc = draftToDoc(DRAFT);
    const nodes = inline(doc, 2);
    const [schools] = nodes.splice(2, 1);
    nodes.splice(2, 0, { ...schools, text: '5' }, { ...schools, text: '8所' });
    nodes.splice(1, 1, { type: 'text', text: '全县共有' }, { type: 'text', text: '学校' });
    doc.content?.push({ type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'text', text: '  ' }] });
    expect(docToDraft(doc, 'x')).toEqual(DRAFT);
    doc.content?.splice(0, 1, { type: 'reportTitle' });
    expect(docToDraft(doc, '原标题').title).toBe('原标题');
  });

  it('reads text typed into a paragraph as an untagged run the domain check finds', () => {
    const doc = draftToDoc(DRAFT);
    inline(doc, 3).push({ type: 'text', text: '全年开展家访1200余次。' });
    const check = checkDraft(docToDraft(doc, 'x'), FACTS);
    expect(check.untagged.map((u) => u.number)).toEqual(['1200']);
  });

  it('rebuilds a FactSet from the facts a version is sent with', () => {
    const set = factSetOf({ 'org.schools.total': FACTS.get('org.schools.total')! });
    expect(set.get('org.schools.total')?.id).toBe('org.schools.total');
  });
});

describe('flags of a block', () => {
  const figureAttrs = (factId: string, value: number, rendered: string, uid: string) => ({
    factId,
    value,
    rendered,
    uid,
  });

  it('marks each figure’s state and each number typed by hand, but not a report year', () => {
    const segments: Segment[] = [
      { text: '2024年共有', from: 10 },
      { text: '58所', from: 17, figure: figureAttrs('org.schools.total', 58, '58所', 'f1') },
      { text: '、', from: 20 },
      { text: '6', from: 21, figure: figureAttrs('org.schools.total', 58, '58所', 'f2') },
      { text: '0所', from: 22, figure: figureAttrs('org.schools.total', 58, '58所', 'f2') },
      { text: '，', from: 24 },
      { text: '0.50', from: 25, figure: figureAttrs('indicators.cv#threshold', 0.5, '0.50', 'f3') },
      { text: '，', from: 29 },
      { text: '1', from: 30, figure: figureAttrs('gone', 1, '1', 'f4') },
      { text: '9所', from: 31, figure: figureAttrs('org.schools.total', 57, '9所', 'f5') },
      { text: '，家访1200余次，2030年', from: 33 },
    ];
    expect(flagSegments(segments, FACTS, [2024, 2025])).toEqual([
      { from: 17, to: 20, state: 'current' },
      { from: 21, to: 24, state: 'edited' },
      { from: 25, to: 29, state: 'current' },
      { from: 30, to: 31, state: 'missing' },
      { from: 31, to: 33, state: 'stale' },
      { from: 36, to: 40, state: 'untagged' },
      { from: 43, to: 47, state: 'untagged' },
    ]);
  });
});
