export interface ImportType {
  type: string;
  label: string;
  canImport: boolean;
  columns: { header: string; required: boolean; help: string; options: string[] | null }[];
}

export interface ImportIssue {
  row: number;
  column: string | null;
  message: string;
  severity: 'error' | 'warning';
  needsExplanation?: boolean;
  explained?: boolean;
}

export interface ImportJob {
  id: string;
  type: string;
  fileName: string;
  fileSize: number;
  status: 'uploaded' | 'validating' | 'validated' | 'rejected' | 'committing' | 'committed' | 'failed';
  progress: { phase: 'reading' | 'writing'; rows: number; fraction: number } | null;
  totalRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errorCount: number;
  warningCount: number;
  unexplained: number;
  issues: ImportIssue[];
  preview: {
    rows: { headers: string[]; rows: string[][] };
    changes: { row: number; key: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
    skipped: number;
    valid: number;
  } | null;
  message: string | null;
}
