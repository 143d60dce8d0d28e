/**
 * 义务教育均衡: every 差异系数 above its threshold (the 7 优质均衡 indicators, any 基本均衡 one that has a threshold,
 * and the 基本均衡 composite), and schools that do not meet the 优质均衡 per-school rule, named when few.
 */
import { BASIC_INDICATORS, indicator, QUALITY_INDICATORS } from '../../indicators/definitions';
import { detailSchools, failsThreshold, type JudgedFact, type ProblemDetector, type ReportContext } from '../context';
import { type Run, text } from '../draft';
import { countRun, decimalRun, joinRuns, mergePlainRuns, namedSchools, rateRun, thresholdRun } from '../figures';
import { type Shortfall, shortfallRuns } from './shortfall';

const STAGES = [
  ['primary', '小学'],
  ['junior', '初中'],
] as const;

const CV_INDICATORS = [
  ...QUALITY_INDICATORS.map((q) => `quality_cv_${q.key}`),
  ...BASIC_INDICATORS.map((b) => `basic_cv_${b.key}`),
  'basic_composite_cv',
];

// '生均体育运动场馆面积' from '生均体育运动场馆面积差异系数'; '基本均衡综合' from '基本均衡综合差异系数'.
const shortName = (indicatorId: string): string =>
  indicator(indicatorId)
    .name.replace(/^（基本均衡）/, '')
    .replace(/差异系数$/, '');

export const balanceCoefficientsProblem: ProblemDetector = {
  id: 'balance-coefficients',
  order: 30,
  detect(ctx) {
    const groups = STAGES.flatMap(([stage, words]) => {
      const failing = CV_INDICATORS.flatMap((id) => {
        const fact = ctx.facts.get(`indicators.${id}.${stage}`);
        return failsThreshold(fact) ? [coefficient(fact, shortName(id))] : [];
      });
      // One clause per threshold: the 7 优质均衡 coefficients share one, the composite has its own.
      const thresholds = [...new Set(failing.map((item) => item.fact.threshold.value))];
      return thresholds.map((value) => {
        const items = failing.filter((item) => item.fact.threshold.value === value);
        items[0] = { ...items[0], name: `${words}${items[0].name}` };
        return shortfallRuns(items, '标准', '差异系数');
      });
    });
    if (groups.length === 0) return null;
    return {
      id: 'balance-coefficients',
      evidence: mergePlainRuns([text('义务教育校际资源配置还不够均衡，'), ...joinRuns(groups, '，')]),
      plan: [
        text(
          '持续推进义务教育优质均衡发展。统筹城乡教育资源配置，优先改善薄弱学校办学条件，加大骨干教师向乡村学校、薄弱学校交流力度，推动各项指标校际差异系数控制在标准以内。',
        ),
      ],
    };
  },
};

function coefficient(fact: JudgedFact, name: string): Shortfall {
  return { name, fact, value: decimalRun(fact, 3), threshold: thresholdRun(fact, false) };
}

export const balanceSchoolsProblem: ProblemDetector = {
  id: 'balance-schools',
  order: 35,
  detect(ctx) {
    const clauses: Run[][] = [];
    const named: string[] = [];
    for (const [stage, words] of STAGES) {
      const clause = stageClause(ctx, stage, words);
      if (!clause) continue;
      clauses.push(clause.runs);
      named.push(...clause.schools);
    }
    if (clauses.length === 0) return null;
    const priority = named.length > 0 && namedSchools(named) !== '' ? `优先支持${named.join('、')}，` : '';
    return {
      id: 'balance-schools',
      evidence: mergePlainRuns([text('部分学校办学条件仍有短板，'), ...joinRuns(clauses, '，')]),
      plan: [
        text(
          `加快薄弱学校提质改造。逐校建立资源配置补短板台账，${priority}补齐教学及辅助用房、体育运动场馆、教学仪器设备和音体美专任教师等短板，推动每所学校资源配置达到优质均衡要求。`,
        ),
      ],
    };
  },
};

// '小学资源配置达标学校比例为85.00%，仍有3所学校（红旗小学、东风小学、胜利小学）资源配置未达到优质均衡要求'.
function stageClause(ctx: ReportContext, stage: string, words: string): { runs: Run[]; schools: string[] } | null {
  const share = ctx.facts.get(`indicators.quality_school_pass_share.${stage}`);
  const failingFact = ctx.fact(`indicators.quality_failing_schools.${stage}`);
  const failing = failingFact && failingFact.value > 0 ? failingFact : undefined;
  const shareFails = failsThreshold(share);
  if (!failing && !shareFails) return null;
  const runs: Run[] = [text(words)];
  if (shareFails) runs.push(text('资源配置达标学校比例为'), rateRun(share));
  if (failing) {
    const schools = detailSchools(failing);
    runs.push(
      text(shareFails ? '，仍有' : '仍有'),
      countRun(failing, '所学校'),
      text(`${namedSchools(schools)}资源配置未达到优质均衡要求`),
    );
    return { runs, schools };
  }
  return { runs, schools: [] };
}
