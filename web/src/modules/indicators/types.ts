export type StageKey = 'preschool' | 'primary' | 'junior' | 'senior' | 'compulsory';

export interface IndicatorValue {
  v: number | null;
  n?: number;
  d?: number;
  t?: number;
  s: 'pass' | 'fail' | 'none';
  x?: Record<string, unknown>;
}

export interface Comparison {
  id: string;
  name: string;
  unit: string;
  rate: boolean;
  decimals: number;
  direction: 'higher' | 'lower';
  level: 'school' | 'township' | 'county';
  scopeId: string;
  scopeName: string;
  stage: StageKey;
  stageLabel: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  threshold: number | null;
  status: 'pass' | 'fail' | 'none';
  previous: number | null;
  change: number | null;
  changeUnit: string;
}

/** What a click on a number asks to explain. */
export interface ExplainTarget {
  year: number;
  indicator: string;
  level: 'school' | 'township' | 'county';
  scopeId: string;
  stage: StageKey;
}

export interface Dashboard {
  countyCode: string;
  schoolYear: number;
  hasData: boolean;
  headline: Comparison[];
  enrollment: { stage: string; students: number | null; previous: number | null }[];
  townships: {
    townshipId: number;
    name: string;
    inclusiveCoverage: IndicatorValue | null;
    largeClassShare: IndicatorValue | null;
    largeClasses: IndicatorValue | null;
    superLargeClasses: IndicatorValue | null;
    staffShortage: number;
    primaryPassShare: IndicatorValue | null;
    juniorPassShare: IndicatorValue | null;
    compulsoryStudents: number;
  }[];
  hotspots: {
    schoolId: number;
    name: string;
    stage: StageKey;
    large: number;
    superLarge: number;
    share: number | null;
  }[];
  staffing: {
    schoolId: number;
    name: string;
    stage: StageKey;
    shortage: number;
    required: number | null;
    staff: number | null;
    ratio: number | null;
  }[];
  balance: {
    stage: 'primary' | 'junior';
    cvs: {
      id: string;
      key: string;
      name: string;
      value: number | null;
      threshold: number | null;
      status: string;
      previous: number | null;
    }[];
  }[];
}
