/** The problem detectors in report order. Adding one: write it in this folder and list it here. */
import type { ProblemDetector } from '../context';
import { aidChecksProblem } from './aid-checks';
import { balanceCoefficientsProblem, balanceSchoolsProblem } from './balance';
import { classSizeProblem } from './class-size';
import { enrolmentProblem, preschoolCoverageProblem } from './coverage';
import { ruralAgeingProblem, staffingGapProblem, subjectShortageProblem } from './teachers';

export const PROBLEM_DETECTORS: readonly ProblemDetector[] = [
  preschoolCoverageProblem,
  enrolmentProblem,
  balanceCoefficientsProblem,
  balanceSchoolsProblem,
  classSizeProblem,
  staffingGapProblem,
  ruralAgeingProblem,
  subjectShortageProblem,
  aidChecksProblem,
];
