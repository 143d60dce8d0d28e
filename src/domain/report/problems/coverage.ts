/**
 * Coverage rates below their thresholds (policy configuration, carried on the facts): 学前 普及普惠 (毛入园率,
 * 普惠性覆盖率, 公办园占比) and the 普及 of 义务教育 and 高中阶段 (巩固率, 三类残疾儿童少年入学率, 高中阶段毛入学率).
 */
import type { ProblemDetector } from '../context';
import { text } from '../draft';
import { mergePlainRuns } from '../figures';
import { failingRates, shortfallRuns, targetRuns } from './shortfall';

const PRESCHOOL_RATES = [
  ['indicators.preschool_ger.preschool', '学前三年毛入园率'],
  ['indicators.inclusive_coverage.preschool', '普惠性幼儿园覆盖率'],
  ['indicators.public_kindergarten_share.preschool', '公办园在园幼儿占比'],
] as const;

export const preschoolCoverageProblem: ProblemDetector = {
  id: 'preschool-coverage',
  order: 10,
  detect(ctx) {
    const failing = failingRates(ctx, PRESCHOOL_RATES);
    if (failing.length === 0) return null;
    return {
      id: 'preschool-coverage',
      evidence: mergePlainRuns([text('学前教育普及普惠仍有差距，'), ...shortfallRuns(failing, '普及普惠县评估标准')]),
      plan: mergePlainRuns([
        text('加快推进学前教育普及普惠。新建、改扩建一批公办幼儿园，积极扶持普惠性民办幼儿园发展，'),
        ...targetRuns(failing),
        text('。'),
      ]),
    };
  },
};

const ENROLMENT_RATES = [
  ['indicators.consolidation_rate.compulsory', '九年义务教育巩固率'],
  ['indicators.disabled_enrollment.compulsory', '三类残疾儿童少年入学率'],
  ['indicators.senior_ger.senior', '高中阶段毛入学率'],
] as const;

// The measure that answers each rate, in the order of ENROLMENT_RATES.
const ENROLMENT_MEASURES: Record<(typeof ENROLMENT_RATES)[number][0], string> = {
  'indicators.consolidation_rate.compulsory': '健全控辍保学动态监测和联控联保机制，确保适龄儿童少年应入尽入、应返尽返',
  'indicators.disabled_enrollment.compulsory':
    '落实适龄残疾儿童少年“一人一案”，完善特殊教育学校就读、随班就读和送教上门安置体系',
  'indicators.senior_ger.senior': '扩大普通高中和中等职业教育优质学位供给',
};

export const enrolmentProblem: ProblemDetector = {
  id: 'enrolment',
  order: 20,
  detect(ctx) {
    const failing = failingRates(ctx, ENROLMENT_RATES);
    if (failing.length === 0) return null;
    const measures = failing.map((item) => ENROLMENT_MEASURES[item.fact.id as keyof typeof ENROLMENT_MEASURES]);
    return {
      id: 'enrolment',
      evidence: mergePlainRuns([text('各学段普及水平仍需巩固提高，'), ...shortfallRuns(failing, '目标要求')]),
      plan: mergePlainRuns([
        text(`巩固提升各学段普及水平。${measures.join('，')}，`),
        ...targetRuns(failing),
        text('。'),
      ]),
    };
  },
};
