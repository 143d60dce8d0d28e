import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Permission } from '../../domain/auth/roles';
import type { Actor } from '../audit/actor';
import type { Scope, Viewer } from '../scope';

/** One column of an import template, named by its exact Chinese header. */
export interface ImportColumn {
  header: string;
  /** Other headers accepted for this column (older templates, common variants). */
  aliases?: readonly string[];
  required?: boolean;
  /** Allowed values, shown as a dropdown in the template; dynamic lists come from templateOptions(). */
  options?: readonly string[];
  /** Long digit strings (codes, ID numbers) are formatted as text so Excel keeps every digit. */
  text?: boolean;
  example: string;
  /** One sentence for the 填写说明 sheet. */
  help: string;
  width?: number;
}

export interface RowIssue {
  /** The header of the offending column, when there is one. */
  column?: string;
  message: string;
  severity?: 'error' | 'warning';
  /** A warning the row may keep only with an explanation (a plausibility check): without one the file cannot commit. */
  needsExplanation?: boolean;
}

/** What the engine knows about a row beyond its cells. */
export interface RowContext {
  /** The user's explanation for the row's plausibility warnings: its 说明 column, or what was typed at commit. */
  explanation: string | null;
}

export interface ParsedRow<Rec> {
  record?: Rec;
  issues: RowIssue[];
}

export interface MergeCounts {
  inserted: number;
  updated: number;
}

export interface MergeOptions {
  stageTable: string;
  jobId: string;
  countyCode: string;
  actor: Actor;
}

export interface PrepareOptions {
  db: Kysely<DB>;
  countyCode: string;
  viewer: Viewer;
}

/**
 * Everything the engine needs to import one record type: columns for the template and the header check, a pure row
 * parser, the staging layout, and a merge that applies staged rows inside the import's transaction.
 */
export interface ImportDefinition<Ctx = unknown, Rec = unknown> {
  type: string;
  label: string;
  /** Who may import (and download the template); export needs only read access to the records. */
  permission: Permission;
  readPermission: Permission;
  columns: readonly ImportColumn[];
  /** Headers whose values together identify a record (the natural key); re-importing updates by it. */
  keyHeaders: readonly string[];
  /** Columns of the staging table after row_number, in the order toStageRow lists values. */
  stageColumns: readonly { name: string; type: string }[];
  /** Loads what row checks need (lookups, existing keys) once per run. */
  prepare(options: PrepareOptions): Promise<Ctx>;
  /** Values for dropdowns that depend on the county (township names, schools). */
  templateOptions?(ctx: Ctx): Record<string, readonly string[]>;
  parseRow(cells: Readonly<Record<string, string>>, ctx: Ctx, rowNumber: number, row: RowContext): ParsedRow<Rec>;
  /** The column holding explanations for plausibility warnings, when the template has one. */
  explanationHeader?: string;
  key(record: Rec): string;
  /** The key as messages show it, when the key holds personal data (an ID number is shown masked). */
  displayKey?(record: Rec): string;
  /**
   * Checks that need the whole file, after every row was read (references between rows). Issues are errors unless
   * they say `severity: 'warning'`; a row with an error here counts as rejected.
   */
  finish?(ctx: Ctx): { row: number; column?: string; message: string; severity?: 'error' | 'warning' }[];
  toStageRow(record: Rec): readonly unknown[];
  /** Applies the staged rows; `ctx` is what prepare() returned, after every row and finish() saw it. */
  merge(trx: Kysely<DB>, options: MergeOptions, ctx: Ctx): Promise<MergeCounts>;
  /**
   * True when each row merges on its own (a plain table keyed by the natural key). On PostgreSQL the engine then merges
   * block by block while it validates the rest of the file, inside the same transaction.
   */
  incrementalMerge?: boolean;
  /** Existing records as template rows (header → value), for export. */
  exportRows(
    db: Kysely<DB>,
    options: { scope: Scope; countyCode: string },
  ): AsyncIterable<Record<string, string | number | null>>;
}
