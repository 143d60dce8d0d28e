/** Tables of 报告: versions of the annual work summary. */
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns';

export interface ReportVersionTable {
  id: Generated<number>;
  county_code: string;
  kind: 'annual';
  year: number;
  version: number;
  title: string;
  content: ColumnType<unknown, string, string>;
  facts: ColumnType<unknown, string, string>;
  origin: 'generated' | 'edited';
  note: string | null;
  created_by: number | null;
  created_by_name: string;
  created_at: Timestamp;
  approved_by: number | null;
  approved_by_name: string | null;
  approved_at: Date | null;
}
