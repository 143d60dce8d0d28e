import { describe, expect, it } from 'vitest';
import { runsText } from '../draft';
import { context, fact, factSet } from '../test-fixtures';
import { aidChecksProblem } from './aid-checks';

describe('aidChecksProblem', () => {
  it('states the aid findings still open and plans to close them', () => {
    const problem = aidChecksProblem.detect(context(factSet(fact('aid.checks.open', 37, '条'))));
    expect(runsText(problem!.evidence)).toBe('学生资助精准管理有待加强，资助名单核查发现的疑点中仍有37条尚未核实销号');
    expect(problem!.evidence.find((run) => run.fact)?.fact).toMatchObject({ factId: 'aid.checks.open', value: 37 });
    expect(runsText(problem!.plan)).toBe(
      '提升学生资助精准度。逐条核实资助名单疑点并及时销号，加强资助对象认定、资金发放和公示全过程监管，确保资助资金精准发放、应助尽助。',
    );
  });

  it('finds nothing when every finding is closed or the fact is not published', () => {
    expect(aidChecksProblem.detect(context(factSet(fact('aid.checks.open', 0, '条'))))).toBeNull();
    expect(aidChecksProblem.detect(context(factSet()))).toBeNull();
  });
});
