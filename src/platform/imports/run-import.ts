import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { changesDigest } from '../audit/chain';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import type { Viewer } from '../scope';
import type { ImportDefinition } from './define-import';
import type { TableFormat } from './read-table';
import { BLOCK_ROWS, CopySink, StageFile } from './stage-file';
import { validateRows } from './validate-rows';

export const MAX_REPORTED_ISSUES = 1000;
const CHANGES_SHOWN = 20;
const STAGE_TABLE = 'import_stage';

export interface ImportIssue {
  row: number;
  column: string | null;
  message: string;
  severity: 'error' | 'warning';
  /** A plausibility warning that needs an explanation before the file can commit; `explained` once it has one. */
  needsExplanation?: boolean;
  explained?: boolean;
}

export interface ImportProgress {
  phase: 'reading' | 'writing';
  rows: number;
  /** 0..1 over the whole run: reading the file is most of the work. */
  fraction: number;
}

export interface ImportOutcome {
  jobId: string;
  type: string;
  dryRun: boolean;
  committed: boolean;
  totalRows: number;
  validRows: number;
  rejectedRows: number;
  skippedRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  warningCount: number;
  /** Rows whose plausibility warnings still lack an explanation; the file commits only when this is 0. */
  unexplained: number;
  /** The first issues, errors first; the counts above are complete. */
  issues: ImportIssue[];
  /** The first rows as read, with the file's headers in their order (JSONB would reorder object keys). */
  preview: { headers: string[]; rows: string[][] };
  /** Updated rows with their values before and after, from the dry run or the commit. */
  changes: { row: number; key: string; before: unknown; after: unknown }[];
}

export interface RunImportOptions {
  db: Kysely<DB>;
  definition: ImportDefinition<any, any>;
  viewer: Viewer;
  countyCode: string;
  jobId: string;
  filePath: string;
  format: TableFormat;
  fileName: string;
  fileSha256: string;
  dryRun: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Explanations typed at commit time, by spreadsheet row number (a 说明 column in the file also counts). */
  explanations?: Readonly<Record<number, string>>;
}

/** Thrown inside the import's transaction to roll it back on purpose (a dry run, or a file with errors). */
class Rollback extends Error {}

/**
 * Imports one file for one county: every row is checked, and only a file without a single error is written, in one
 * transaction that inserts new records and updates changed ones by their natural key. A dry run does the same work and
 * rolls it back, so its counts are exact.
 *
 * On PostgreSQL the valid rows stream into the staging table while the file is still being read (the server parses
 * each COPY while this process validates the next block). The embedded database has a single connection, so there the
 * file is validated first, into a temporary file, and the transaction only holds the connection for the writing.
 */
export async function runImport(options: RunImportOptions): Promise<ImportOutcome> {
  const { db, definition } = options;
  const context = await definition.prepare({ db, countyCode: options.countyCode, viewer: options.viewer });
  const outcome: ImportOutcome = {
    jobId: options.jobId,
    type: definition.type,
    dryRun: options.dryRun,
    committed: false,
    totalRows: 0,
    validRows: 0,
    rejectedRows: 0,
    skippedRows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    errorCount: 0,
    warningCount: 0,
    unexplained: 0,
    issues: [],
    preview: { headers: [], rows: [] },
    changes: [],
  };
  const report = (issue: ImportIssue) => {
    if (issue.severity === 'error') outcome.errorCount++;
    else outcome.warningCount++;
    if (outcome.issues.length < MAX_REPORTED_ISSUES) outcome.issues.push(issue);
  };
  const validate = (sink: StageFile | CopySink) =>
    validateRows({
      definition,
      context,
      filePath: options.filePath,
      format: options.format,
      outcome,
      report,
      errorCount: () => outcome.errorCount,
      sink,
      onProgress: options.onProgress,
      explanations: options.explanations ?? {},
    });
  // A dry run shows what would happen; only a real commit needs every plausibility warning explained.
  const blocked = () => outcome.errorCount > 0 || (!options.dryRun && outcome.unexplained > 0);
  const pipelined = db.getExecutor().adapter.supportsMultipleConnections !== false;

  try {
    if (pipelined) {
      await db.transaction().execute(async (trx) => {
        await openStage(trx, options);
        const merged = { inserted: 0, updated: 0 };
        const incremental = definition.incrementalMerge === true;
        const sink = new CopySink(trx, copyStatement(definition), {
          afterBlock: incremental ? () => mergeStage(trx, options, context, merged, true) : undefined,
          onBlock: (rows) =>
            options.onProgress?.({
              phase: 'writing',
              rows,
              fraction: 0.9 * Math.min(1, rows / Math.max(1, outcome.totalRows)),
            }),
        });
        try {
          await validate(sink);
        } finally {
          await sink.settle();
        }
        if (blocked()) throw new Rollback();
        await sink.finish();
        if (!incremental) await mergeStage(trx, options, context, merged, false);
        await recordOutcome(trx, options, outcome, merged);
        if (options.dryRun) throw new Rollback();
      });
    } else {
      const tempDir = mkdtempSync(join(tmpdir(), 'jiaoguan-import-'));
      const stage = new StageFile(join(tempDir, 'stage.csv'));
      try {
        await validate(stage);
        if (blocked()) return finish(outcome);
        options.onProgress?.({ phase: 'writing', rows: outcome.totalRows, fraction: 0.85 });
        await db.transaction().execute(async (trx) => {
          await openStage(trx, options);
          const merged = { inserted: 0, updated: 0 };
          const incremental = definition.incrementalMerge === true;
          let written = 0;
          for (const block of stage.blocks()) {
            await trx.executeQuery(CompiledQuery.raw(copyStatement(definition), [block]));
            // Merging block by block keeps the staging table (and the embedded database's memory) small.
            if (incremental) await mergeStage(trx, options, context, merged, true);
            written = Math.min(written + BLOCK_ROWS, stage.rows);
            options.onProgress?.({
              phase: 'writing',
              rows: written,
              fraction: 0.85 + (0.1 * written) / Math.max(1, stage.rows),
            });
          }
          if (!incremental) await mergeStage(trx, options, context, merged, false);
          await recordOutcome(trx, options, outcome, merged);
          if (options.dryRun) throw new Rollback();
        });
      } finally {
        stage.dispose();
        rmSync(tempDir, { recursive: true, force: true });
      }
    }
    outcome.committed = true;
  } catch (error) {
    if (!(error instanceof Rollback)) throw translateDatabaseError(error);
  }
  options.onProgress?.({ phase: 'writing', rows: outcome.totalRows, fraction: 1 });
  return finish(outcome);
}

function finish(outcome: ImportOutcome): ImportOutcome {
  outcome.issues.sort((a, b) => (a.severity === b.severity ? a.row - b.row : a.severity === 'error' ? -1 : 1));
  return outcome;
}

function copyStatement(definition: ImportDefinition<any, any>): string {
  const names = ['row_number', ...definition.stageColumns.map((c) => c.name)].join(', ');
  return `COPY ${STAGE_TABLE} (${names}) FROM STDIN WITH (FORMAT csv)`;
}

async function openStage(trx: Kysely<DB>, options: RunImportOptions): Promise<void> {
  // One import of a type per county at a time; a second waits instead of racing on the same keys.
  await sql`select pg_advisory_xact_lock(hashtext(${`import:${options.countyCode}:${options.definition.type}`}))`.execute(
    trx,
  );
  const columns = ['row_number integer not null', ...options.definition.stageColumns.map((c) => `${c.name} ${c.type}`)];
  await trx.executeQuery(CompiledQuery.raw(`create temp table ${STAGE_TABLE} (${columns.join(', ')}) on commit drop`));
}

/** Merges what is staged into the records, adding to the running counts; an incremental merge then empties the stage. */
async function mergeStage(
  trx: Kysely<DB>,
  options: RunImportOptions,
  context: unknown,
  merged: { inserted: number; updated: number },
  empty: boolean,
): Promise<void> {
  const counts = await options.definition.merge(
    trx,
    { stageTable: STAGE_TABLE, jobId: options.jobId, countyCode: options.countyCode, actor: options.viewer.actor },
    context,
  );
  merged.inserted += counts.inserted;
  merged.updated += counts.updated;
  if (empty) await trx.executeQuery(CompiledQuery.raw(`truncate ${STAGE_TABLE}`));
}

/** Counts, the changed rows for the preview, and (not in a dry run) the chained audit entry over what changed. */
async function recordOutcome(
  trx: Kysely<DB>,
  options: RunImportOptions,
  outcome: ImportOutcome,
  merged: { inserted: number; updated: number },
): Promise<void> {
  const { definition } = options;
  outcome.inserted = merged.inserted;
  outcome.updated = merged.updated;
  outcome.unchanged = outcome.validRows - merged.inserted - merged.updated;

  const changes = await trx
    .selectFrom('import_change')
    .select(['row_number', 'entity_key', 'before', 'after'])
    .where('job_id', '=', options.jobId)
    .orderBy('row_number')
    .execute();
  outcome.changes = changes
    .slice(0, CHANGES_SHOWN)
    .map((c) => ({ row: c.row_number, key: c.entity_key, before: c.before, after: c.after }));
  // A dry run rolls back; writing its audit entry would only burn a sequence number and leave a gap in the ids.
  if (options.dryRun) return;
  await recordAudit(trx, options.viewer.actor, {
    action: 'import.commit',
    entityType: 'import_job',
    entityId: options.jobId,
    countyCode: options.countyCode,
    summary: `导入${definition.label}“${options.fileName}”：新增${outcome.inserted}条，更新${outcome.updated}条，无变化${outcome.unchanged}条`,
    after: {
      type: definition.type,
      fileName: options.fileName,
      fileSha256: options.fileSha256,
      rows: outcome.validRows,
      inserted: outcome.inserted,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      changesSha256: changesDigest(changes),
    },
  });
}

function translateDatabaseError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if (code === '23505' || code === '23503') {
    return new AppError('CONFLICT', {
      message: `Import conflicted: ${(error as Error).message}`,
      userMessage: '写入时与其他人同时进行的修改发生冲突，未写入任何数据，请重新导入',
      cause: error,
    });
  }
  return error;
}
