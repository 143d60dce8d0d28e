import { describe, expect, it } from 'vitest';
import { figure, runsText } from '../draft';
import { AID_PARTS, context, fact, factSet } from '../test-fixtures';
import { aidSection } from './aid';

const section = (detail?: Record<string, unknown>) =>
  aidSection.compose(context(factSet(fact('aid.paragraph', null, '', detail ? { detail } : {}))));

describe('aidSection', () => {
  it('turns the aid paragraph into runs tagged with the aid facts (seed 000’s figures)', () => {
    const [block] = section({ parts: AID_PARTS }) ?? [];
    if (block?.kind !== 'paragraph') throw new Error('expected a paragraph');
    expect(runsText(block.runs)).toBe(
      '全县各级各类学校受助学生11834人次，资助金额806万余元。其中，资助学前教育幼儿993人49.9万元；义务教育阶段家庭经济困难寄宿生2001人、非寄宿生2795人，共189万余元。实施营养餐改善计划学校20所，受惠学生4721人次，下拨专项资金446.97万元。',
    );
    expect(block.runs.filter((run) => run.fact).slice(0, 3)).toEqual([
      figure('11834人次', 'aid.school_aid.person_times', 11834),
      figure('806万余元', 'aid.school_aid.amount_fen', 806_626_250),
      figure('993人', 'aid.program.preschool_aid.persons', 993),
    ]);
  });

  it('is absent without the fact, with an empty paragraph or with malformed parts', () => {
    expect(aidSection.compose(context(factSet()))).toBeNull();
    expect(section({ parts: [] })).toBeNull();
    expect(section()).toBeNull();
    expect(section({ parts: [{ text: '受助学生' }, { text: '5人次', figure: { key: 'k' } }] })).toBeNull();
  });
});
