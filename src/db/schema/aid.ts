/** Tables of 学生资助: local programs and standards, lists and their rows, batches, findings and 公示. */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate, Timestamp } from './columns';

/** A jsonb column read as its JSON value and written as JSON text. */
type JsonOf<T> = ColumnType<T, string, string>;

export interface AidLocalProgramTable {
  id: Generated<number>;
  county_code: string;
  program_id: string;
  name: string;
  report_phrase: string | null;
  stages: JsonOf<string[]>;
  report_group: string;
  requires_category: boolean;
  eligible_categories: ColumnType<string[] | null, string | null, string | null>;
  exclusive_with: JsonOf<string[]>;
  once_per_person: boolean;
  funding_note: string;
  source: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface AidStandardOverrideTable {
  id: Generated<number>;
  county_code: string;
  program_id: string;
  /** termCode: '2024-spring'. */
  from_term: string;
  basis: string;
  unit: string;
  tiers: JsonOf<{ id: string; label: string; yuan: number; stages?: string[]; gradeKeywords?: string[] }[]>;
  min_yuan: number | null;
  max_days_per_year: number | null;
  grades: ColumnType<number[] | null, string | null, string | null>;
  source: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface AidBatchTable {
  id: Generated<number>;
  county_code: string;
  term: string;
  seq: number;
  /** The school whose lists the batch carries; null for the 资助中心's own lists. */
  school_id: number | null;
  kind: Generated<'regular' | 'correction'>;
  status: Generated<'draft' | 'submitted' | 'reviewed' | 'paid'>;
  row_count: Generated<number>;
  total_fen: Generated<number>;
  paid_on: IsoDate | null;
  bank_file_exported_at: Date | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AidBatchTransitionTable {
  id: Generated<number>;
  county_code: string;
  batch_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  comment: string | null;
  actor_id: number | null;
  actor_name: string;
  at: Timestamp;
}

export interface AidListTable {
  id: Generated<number>;
  county_code: string;
  term: string;
  program_id: string;
  school_id: number | null;
  status: Generated<'draft' | 'submitted' | 'reviewed' | 'paid'>;
  batch_id: number | null;
  row_count: Generated<number>;
  amount_fen: Generated<number>;
  import_job_id: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AidBeneficiaryTable {
  id: Generated<number>;
  county_code: string;
  list_id: number;
  batch_id: number | null;
  kind: Generated<'original' | 'correction'>;
  corrects_id: number | null;
  term: string;
  program_id: string;
  school_code: string;
  school_id: number | null;
  row_number: number | null;
  name: string;
  id_hash: string;
  id_sealed: string;
  id_masked: string;
  grade: Generated<string>;
  class_name: Generated<string>;
  stage: string;
  categories: ColumnType<string[], string | undefined, string>;
  hardship_level: string | null;
  amount_fen: number;
  reason: string | null;
  import_job_id: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface AidCheckFindingTable {
  id: Generated<number>;
  county_code: string;
  list_id: number;
  beneficiary_id: number | null;
  row_number: number;
  rule: string;
  column_name: string;
  message: string;
  status: Generated<'open' | 'resolved'>;
  resolution: string | null;
  resolved_by: number | null;
  resolved_at: Date | null;
  created_at: Timestamp;
}

export interface AidPublicityTable {
  id: Generated<number>;
  county_code: string;
  term: string;
  school_id: number;
  starts_on: IsoDate;
  ends_on: IsoDate;
  withdrawn_at: Date | null;
  created_by: number | null;
  created_at: Timestamp;
}
