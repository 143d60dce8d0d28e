import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, createReadStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB, ImportJob } from '../../db/schema';
import { AppError } from '../errors';
import type { Viewer } from '../scope';
import type { ImportDefinition } from './define-import';
import { formatOf } from './read-table';
import { type ImportOutcome, type ImportProgress, runImport } from './run-import';

export type ImportJobStatus =
  | 'uploaded'
  | 'validating'
  | 'validated'
  | 'rejected'
  | 'committing'
  | 'committed'
  | 'failed';

const live = new Map<string, ImportProgress>();

/** Live progress of a job running in this process (the database is busy while an embedded import writes). */
export function liveProgress(jobId: string): ImportProgress | undefined {
  return live.get(jobId);
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Keeps the uploaded file (it is the import's evidence) and records the job. */
export async function createImportJob(
  db: Kysely<DB>,
  options: {
    countyCode: string;
    type: string;
    fileName: string;
    source: { path: string } | { buffer: Buffer };
    uploadDir: string;
    createdBy: number | null;
  },
): Promise<ImportJob> {
  formatOf(options.fileName);
  const id = randomUUID();
  mkdirSync(options.uploadDir, { recursive: true });
  const ext = options.fileName.toLowerCase().split('.').pop();
  const filePath = join(options.uploadDir, `${id}.${ext}`);
  if ('path' in options.source) copyFileSync(options.source.path, filePath);
  else writeFileSync(filePath, options.source.buffer);
  const size = statSync(filePath).size;
  if (size === 0) throw new AppError('VALIDATION', { message: 'Empty file', userMessage: '上传的文件是空的' });
  return db
    .insertInto('import_job')
    .values({
      id,
      county_code: options.countyCode,
      type: options.type,
      file_name: options.fileName,
      file_path: filePath,
      file_sha256: await sha256File(filePath),
      file_size: size,
      status: 'uploaded',
      created_by: options.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Runs a job as a dry run (validate) or for real (commit) and records the outcome on the job row. A failure leaves the
 * data untouched: the import's transaction rolls back as a whole.
 */
export async function executeImportJob(
  db: Kysely<DB>,
  job: ImportJob,
  options: {
    definition: ImportDefinition<any, any>;
    viewer: Viewer;
    dryRun: boolean;
    onProgress?: (p: ImportProgress) => void;
    /** Explanations for plausibility warnings typed at commit, by spreadsheet row number. */
    explanations?: Record<number, string>;
  },
): Promise<ImportOutcome> {
  await setStatus(db, job.id, options.dryRun ? 'validating' : 'committing');
  live.set(job.id, { phase: 'reading', rows: 0, fraction: 0 });
  try {
    const outcome = await runImport({
      db,
      definition: options.definition,
      viewer: options.viewer,
      countyCode: job.county_code,
      jobId: job.id,
      filePath: job.file_path,
      format: formatOf(job.file_name),
      fileName: job.file_name,
      fileSha256: job.file_sha256,
      dryRun: options.dryRun,
      explanations: options.explanations,
      onProgress: (p) => {
        live.set(job.id, p);
        options.onProgress?.(p);
      },
    });
    const status: ImportJobStatus = outcome.errorCount > 0 ? 'rejected' : outcome.committed ? 'committed' : 'validated';
    await db
      .updateTable('import_job')
      .set({
        status,
        total_rows: outcome.totalRows,
        processed_rows: outcome.totalRows,
        inserted: outcome.inserted,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        rejected: outcome.rejectedRows,
        error_count: outcome.errorCount,
        warning_count: outcome.warningCount,
        unexplained: outcome.unexplained,
        explanations: options.explanations ? JSON.stringify(options.explanations) : null,
        errors: JSON.stringify(outcome.issues),
        preview: JSON.stringify({
          rows: outcome.preview,
          changes: outcome.changes,
          skipped: outcome.skippedRows,
          valid: outcome.validRows,
        }),
        // A commit refused for want of explanations leaves the job waiting for them, and says so.
        message:
          !options.dryRun && !outcome.committed && outcome.errorCount === 0 && outcome.unexplained > 0
            ? `还有${outcome.unexplained}行的提示需要填写说明后才能导入`
            : null,
        finished_at: new Date(),
      })
      .where('id', '=', job.id)
      .execute();
    return outcome;
  } catch (error) {
    const message = error instanceof AppError ? error.userMessage : `导入失败：${(error as Error).message}`;
    await db
      .updateTable('import_job')
      .set({ status: 'failed', message, finished_at: new Date() })
      .where('id', '=', job.id)
      .execute();
    throw error;
  } finally {
    live.delete(job.id);
  }
}

async function setStatus(db: Kysely<DB>, id: string, status: ImportJobStatus): Promise<void> {
  await db.updateTable('import_job').set({ status }).where('id', '=', id).execute();
}

/** Jobs that were running when the process died wrote nothing (their transaction never committed); say so. */
export async function failInterruptedImportJobs(db: Kysely<DB>): Promise<number> {
  const result = await db
    .updateTable('import_job')
    .set({ status: 'failed', message: '导入过程中服务中断，未写入任何数据，请重新导入', finished_at: new Date() })
    .where('status', 'in', ['validating', 'committing'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
