/**
 * 学生资助 findings still open: the aid module's checks of beneficiary lists (same person twice, amount against the
 * standard, invalid ID, closed school…) that the 资助中心 has not yet resolved. The fact may not be published.
 */
import type { ProblemDetector } from '../context';
import { text } from '../draft';
import { countRun, mergePlainRuns } from '../figures';

export const AID_CHECKS_OPEN_FACT = 'aid.checks.open';

export const aidChecksProblem: ProblemDetector = {
  id: 'aid-checks',
  order: 80,
  detect(ctx) {
    const open = ctx.fact(AID_CHECKS_OPEN_FACT);
    if (!open || open.value === 0) return null;
    return {
      id: 'aid-checks',
      evidence: mergePlainRuns([
        text('学生资助精准管理有待加强，资助名单核查发现的疑点中仍有'),
        countRun(open, open.unit || '条'),
        text('尚未核实销号'),
      ]),
      plan: [
        text(
          '提升学生资助精准度。逐条核实资助名单疑点并及时销号，加强资助对象认定、资金发放和公示全过程监管，确保资助资金精准发放、应助尽助。',
        ),
      ],
    };
  },
};
