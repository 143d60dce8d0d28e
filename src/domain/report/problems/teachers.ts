/**
 * 教师队伍 problems, as seed 000 puts them ("音体美等专业教师配置不足，乡镇中小学教师老龄化现象较为严重"): staffing
 * below the 编制标准, ageing of rural teachers, and schools with no teacher of a subject that must be taught.
 */
import { SHORTAGE_SUBJECTS } from '../../teachers/shortage';
import { SUBJECTS } from '../../teachers/vocab';
import { detailSchools, type ProblemDetector } from '../context';
import { type Run, text } from '../draft';
import { countRun, joinRuns, mergePlainRuns, namedSchools, rateChangeRun, rateRun } from '../figures';

const STAFFING_STAGES = [
  ['primary', '小学'],
  ['junior', '初中'],
  ['senior', '普通高中'],
] as const;

export const staffingGapProblem: ProblemDetector = {
  id: 'staffing-gap',
  order: 50,
  detect(ctx) {
    // The 基表's gaps by 学段 first; the roster's county total when the 基表 has none.
    const byStage = STAFFING_STAGES.flatMap(([stage, words]) => {
      const fact = ctx.fact(`indicators.staff_shortage.${stage}`);
      return fact && fact.value > 0 ? [[text(`${words}缺编`), countRun(fact)]] : [];
    });
    const total = ctx.fact('teachers.staffing.shortage');
    const gaps = byStage.length > 0 ? byStage : total && total.value > 0 ? [[text('中小学缺编'), countRun(total)]] : [];
    if (gaps.length === 0) return null;
    const retiring = ctx.fact('teachers.retiring.next1');
    const replacement: Run[] =
      retiring && retiring.value > 0
        ? [text('，统筹做好一年内到龄退休的'), countRun(retiring, '名'), text('教职工的“退一补一”')]
        : [];
    return {
      id: 'staffing-gap',
      evidence: mergePlainRuns([
        text(`教师编制配备仍有缺口，按照中小学教职工编制标准，全${ctx.area}`),
        ...joinRuns(gaps),
      ]),
      plan: mergePlainRuns([
        text(
          '加大教师补充力度。用足用好编制周转池，通过公开招聘、特岗计划等渠道补充教师，优先为缺编学校配足配齐教职工',
        ),
        ...replacement,
        text('。'),
      ]),
    };
  },
};

/**
 * The rural share of 专任教师 aged 50 and over above which ageing is a problem in itself: with retirement at 60 (55
 * for many women teachers), more than two in five of those teachers leave within ten years, which a county's yearly
 * recruitment of a few per cent of its staff cannot replace. Configurable when a province sets its own line.
 */
export const RURAL_AGEING_SHARE_LIMIT = 40;

/**
 * "Well above urban": the rural share exceeds the urban one by this many percentage points or more. Below it the
 * gap is within the year-to-year variation of a county's small rural staff; above it, hiring has bypassed rural
 * schools for a decade (seed 000's "乡镇中小学教师老龄化现象较为严重").
 */
export const RURAL_URBAN_AGEING_GAP = 10;

export const ruralAgeingProblem: ProblemDetector = {
  id: 'rural-ageing',
  order: 60,
  detect(ctx) {
    const rural = ctx.fact('teachers.aged50.share.rural');
    if (!rural) return null;
    const urban = ctx.fact('teachers.aged50.share.urban');
    // The urban share is quoted only when the gap is what makes the problem.
    const olderThanUrban = urban && rural.value - urban.value >= RURAL_URBAN_AGEING_GAP ? urban : undefined;
    if (rural.value <= RURAL_AGEING_SHARE_LIMIT && !olderThanUrban) return null;
    const change = rateChangeRun(ctx, rural);
    return {
      id: 'rural-ageing',
      evidence: mergePlainRuns([
        text('乡村教师队伍老龄化问题较为突出，乡村学校五十岁以上专任教师占比达'),
        rateRun(rural),
        ...(change ? [text('，'), change] : []),
        ...(olderThanUrban ? [text('，明显高于城区学校的'), rateRun(olderThanUrban)] : []),
      ]),
      plan: [
        text(
          '优化乡村教师队伍结构。新招聘教师优先补充乡村学校，落实乡村教师生活补助和职称评聘倾斜政策，推动城区学校骨干教师到乡村学校交流轮岗，逐步改善乡村学校教师年龄结构。',
        ),
      ],
    };
  },
};

export const subjectShortageProblem: ProblemDetector = {
  id: 'subject-shortage',
  order: 70,
  detect(ctx) {
    const short = SHORTAGE_SUBJECTS.flatMap((subject) => {
      const fact = ctx.fact(`teachers.shortage.schools_with_none.${subject}`);
      return fact && fact.value > 0 ? [{ label: SUBJECTS[subject].label, fact }] : [];
    });
    if (short.length === 0) return null;
    const labels = short.map((entry) => entry.label).join('、');
    const clauses = short.map(({ label, fact }) => [
      countRun(fact, '所学校'),
      text(`没有${label}专任教师${namedSchools(detailSchools(fact))}`),
    ]);
    return {
      id: 'subject-shortage',
      evidence: mergePlainRuns([text(`${labels}等学科专任教师配备不足，全${ctx.area}`), ...joinRuns(clauses, '，')]),
      plan: [
        text(
          `补齐紧缺学科教师。教师招聘计划向${labels}等紧缺学科倾斜，通过县域统筹、走教支教、联校共享等方式，确保每所学校开齐开足${labels}课程。`,
        ),
      ],
    };
  },
};
