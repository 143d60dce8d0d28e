import { describe, expect, it } from 'vitest';
import { actionsFrom, BATCH_TRANSITIONS, transitionProblem } from './batch-workflow';

describe('batch workflow', () => {
  it('moves draft → submitted → reviewed → paid, with a return to draft on the way', () => {
    expect(actionsFrom('draft')).toEqual(['submit']);
    expect(actionsFrom('submitted')).toEqual(['return', 'review']);
    expect(actionsFrom('reviewed')).toEqual(['return', 'pay']);
    expect(actionsFrom('paid')).toEqual([]);
  });

  it('says why a transition is not open, and that a paid batch is final', () => {
    expect(transitionProblem('pay', 'submitted')).toBe('批次当前为“待审核”，不能确认发放');
    expect(transitionProblem('return', 'paid')).toBe('该批次已发放，已锁定，不能再变更；如需调整请登记更正');
    expect(transitionProblem('submit', 'draft')).toBeUndefined();
  });

  it('leaves submitting to the owner and everything after it to the 资助中心, a return needing its reason', () => {
    expect(BATCH_TRANSITIONS.submit).toMatchObject({ permission: 'aid.import', byOwner: true });
    for (const action of ['return', 'review', 'pay'] as const)
      expect(BATCH_TRANSITIONS[action]).toMatchObject({ permission: 'aid.review', byOwner: false });
    expect(BATCH_TRANSITIONS.return.commentRequired).toBe(true);
  });
});
