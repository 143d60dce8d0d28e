import type { ReportGroup, StandardBasis, StandardTier, StandardUnit } from '@domain/aid/types';

export type BatchStatus = 'draft' | 'submitted' | 'reviewed' | 'paid';

export interface Paged<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

/** A row of GET /api/aid/lists. */
export interface AidListRow {
  id: number;
  term: string;
  program_id: string;
  school_id: number | null;
  school_name: string | null;
  school_code: string | null;
  status: BatchStatus;
  batch_id: number | null;
  batch_seq: number | null;
  row_count: number;
  amount_fen: number;
  updated_at: string;
  open_findings: number;
  findings: number;
}

export interface AidFindingRow {
  id: number;
  row_number: number;
  rule: string;
  column_name: string;
  message: string;
  status: 'open' | 'resolved';
  resolution: string | null;
  resolved_at: string | null;
  beneficiary_id: number | null;
  resolved_by_name: string | null;
}

/** GET /api/aid/lists/:id. */
export interface AidListDetail {
  list: Omit<AidListRow, 'open_findings' | 'findings'> & { import_job_id: string | null; batch_status: string | null };
  findings: AidFindingRow[];
}

/** GET /api/aid/lists/:id/rows. */
export interface AidBeneficiaryRow {
  id: number;
  row_number: number | null;
  name: string;
  id_masked: string;
  school_code: string;
  grade: string;
  class_name: string;
  stage: string;
  categories: string[];
  hardship_level: string | null;
  amount_fen: number;
  paid_corrections_fen: number;
  pending_corrections_fen: number;
}

export interface AidBatchRow {
  id: number;
  term: string;
  seq: number;
  kind: 'regular' | 'correction';
  status: BatchStatus;
  school_id: number | null;
  school_name: string | null;
  school_code: string | null;
  row_count: number;
  total_fen: number;
  paid_on: string | null;
  bank_file_exported_at: string | null;
  created_at: string;
  updated_at: string;
  lists: number;
  open_findings: number;
}

/** GET /api/aid/batches/:id. */
export interface AidBatchDetail {
  batch: Omit<AidBatchRow, 'lists' | 'open_findings'>;
  lists: {
    id: number;
    term: string;
    program_id: string;
    status: BatchStatus;
    row_count: number;
    amount_fen: number;
    open_findings: number;
  }[];
  corrections: {
    id: number;
    program_id: string;
    name: string;
    id_masked: string;
    grade: string;
    class_name: string;
    amount_fen: number;
    reason: string | null;
    original_fen: number;
    created_at: string;
  }[];
  history: {
    id: number;
    action: string;
    from_status: string | null;
    to_status: string;
    comment: string | null;
    actor_name: string;
    at: string;
  }[];
}

/** GET /api/aid/batches/batchable. */
export interface BatchableOwner {
  school_id: number | null;
  school_name: string | null;
  school_code: string | null;
  lists: number;
  rows: number;
  fen: number;
}

export interface ProgramView {
  id: string;
  name: string;
  local: boolean;
  stages: string[];
  reportGroup: ReportGroup;
  requiresCategory: boolean;
  eligibleCategories: string[] | null;
  exclusiveWith: string[];
  oncePerPerson: boolean;
  funding: { note: string; source: string; verification: string };
  current: {
    origin: 'national' | 'local';
    from: string;
    basis: StandardBasis;
    unit: StandardUnit;
    tiers: { id: string; label: string; fen: number; per: string; stages: string[] | null }[];
    grades: number[] | null;
    source: string;
    verification: string;
  } | null;
  periods: {
    origin: 'national' | 'local';
    from: string;
    basis: StandardBasis;
    unit: StandardUnit;
    tiers: StandardTier[];
    minYuan: number | null;
    maxDaysPerYear: number | null;
    grades: number[] | null;
    source: string;
    verification: string;
  }[];
}

export interface TotalRow {
  key: string;
  label: string;
  personTimes: number;
  persons: number;
  schools: number;
  amountFen: number;
  amountWan: number;
  amountText: string;
  previous: { personTimes: number; persons: number; amountFen: number } | null;
  personTimesChange: string | null;
  amountChange: string | null;
  reportGroup?: ReportGroup;
}

/** GET /api/aid/dashboard. */
export interface AidDashboard {
  year: number;
  years: number[];
  hasPrevious: boolean;
  all: TotalRow;
  groups: TotalRow[];
  programs: TotalRow[];
  stages: TotalRow[];
  townships: TotalRow[];
  trend: { year: number; groups: Record<string, { personTimes: number; amountWan: number }> }[];
  paragraph: string;
  pending: { lists: number; rows: number; amountFen: number; openFindings: number };
}

/** GET /api/aid/summary. */
export interface AidSummary {
  county: string;
  period: { label: string };
  all: SummaryFigures;
  groups: (SummaryFigures & { id: string; name: string })[];
  programs: (SummaryFigures & { id: string; name: string; reportGroup: string })[];
  paragraph: string;
}

export interface SummaryFigures {
  personTimes: number;
  persons: number;
  schools: number;
  amountFen: number;
  amountYuan: string;
  amountWan: string;
  amountText: string;
}

/** GET /api/aid/publicity. */
export interface PublicityRow {
  school_id: number;
  school_code: string;
  school_name: string;
  id: number | null;
  starts_on: string | null;
  ends_on: string | null;
  withdrawn_at: string | null;
  lists: number;
  rows: number;
  state: 'scheduled' | 'active' | 'ended' | 'withdrawn' | null;
}

/** GET /api/aid/publicity/:id/rows. */
export interface PublicityList {
  title: string;
  state: string;
  startsOn: string;
  endsOn: string;
  rows: Record<'姓名' | '学校' | '年级' | '班级' | '资助项目', string>[];
}

/** POST /api/aid/history. */
export interface AidHistory {
  idMasked: string;
  names: string[];
  paidPersonTimes: number;
  paidAmountFen: number;
  rows: {
    id: number;
    kind: 'original' | 'correction';
    corrects_id: number | null;
    term: string;
    termLabel: string;
    program_id: string;
    programName: string;
    name: string;
    school_code: string;
    school_name: string | null;
    grade: string;
    class_name: string;
    categories: string[];
    hardship_level: string | null;
    amount_fen: number;
    reason: string | null;
    list_id: number;
    batch_status: BatchStatus | null;
    paid_on: string | null;
  }[];
}
