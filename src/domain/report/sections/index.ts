/** The 成效 subsections in report order. Adding an area: write its section file and list it here. */
import type { ReportSection } from '../context';
import { aidSection } from './aid';
import { conditionsSection } from './conditions';
import { overviewSection } from './overview';
import { teachersSection } from './teachers';

export const REPORT_SECTIONS: readonly ReportSection[] = [
  overviewSection,
  conditionsSection,
  teachersSection,
  aidSection,
];
