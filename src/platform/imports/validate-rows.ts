import { maskPersonalData } from '../../domain/masking';
import { lostDigits, normaliseHeader } from './cell-text';
import type { ImportColumn, ImportDefinition } from './define-import';
import { type ReadProgress, readTable, type TableFormat } from './read-table';
import type { ImportIssue, ImportOutcome, ImportProgress } from './run-import';
import type { RowSink } from './stage-file';

const PREVIEW_ROWS = 20;
const INVISIBLE = /[\u200b-\u200d\ufeff]/g;
// Zero-width characters and no-break spaces arrive from copied web pages; rare, so test before replacing.
const ODD_SPACE = /[\u200b-\u200d\ufeff\u00a0]/;

interface ColumnSlot {
  column: ImportColumn;
  index: number;
}

function mapHeaders(
  definition: ImportDefinition,
  header: string[],
  report: (issue: ImportIssue) => void,
): ColumnSlot[] {
  const byName = new Map<string, number>();
  header.forEach((text, index) => {
    const name = normaliseHeader(text.replace(INVISIBLE, ''));
    if (!name) return;
    if (byName.has(name)) {
      report({ row: 1, column: text.trim(), message: `表头“${text.trim()}”出现了两次`, severity: 'error' });
      return;
    }
    byName.set(name, index);
  });
  const slots: ColumnSlot[] = [];
  const known = new Set<string>();
  for (const column of definition.columns) {
    const names = [column.header, ...(column.aliases ?? [])].map(normaliseHeader);
    for (const name of names) known.add(name);
    const index = names.map((n) => byName.get(n)).find((i) => i !== undefined);
    if (index !== undefined) slots.push({ column, index });
    else if (column.required)
      report({
        row: 1,
        column: column.header,
        message: `缺少必填列“${column.header}”，请使用系统模板`,
        severity: 'error',
      });
  }
  for (const [name] of byName) {
    if (!known.has(name)) report({ row: 1, column: name, message: `未识别的列“${name}”，已忽略`, severity: 'warning' });
  }
  return slots;
}

export interface ValidateOptions {
  definition: ImportDefinition<any, any>;
  context: unknown;
  filePath: string;
  format: TableFormat;
  outcome: ImportOutcome;
  report(issue: ImportIssue): void;
  /** Errors so far (the sink stops receiving rows after the first). */
  errorCount(): number;
  sink: RowSink;
  explanations: Readonly<Record<number, string>>;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Reads the file once and checks every row: headers against the template, required and coded values, the type's own
 * row rules, and duplicate natural keys. Valid rows go to the sink until the first error; after that only the report
 * grows, since nothing of this file will be written.
 */
export async function validateRows(options: ValidateOptions): Promise<void> {
  const { definition, outcome, report } = options;
  const keyHeaders = new Set(definition.keyHeaders.map(normaliseHeader));
  const seenKeys = new Map<string, number>();
  let slots: ColumnSlot[] | undefined;
  let progress: ReadProgress = { bytesRead: 0, totalBytes: 1 };
  let lastReport = 0;
  let exampleSkipped = false;
  const rejected = new Set<number>();

  const rows = readTable(options.filePath, options.format, {
    acceptSheet: (header) => header.some((h) => keyHeaders.has(normaliseHeader(h))),
    onProgress: (p) => {
      progress = p;
    },
  });
  for await (const row of rows) {
    if (!slots) {
      slots = mapHeaders(definition, row.cells, report);
      outcome.preview.headers = ['行号', ...slots.map((slot) => slot.column.header)];
      if (options.errorCount() > 0) break;
      continue;
    }
    const cells: Record<string, string> = {};
    let empty = true;
    for (const slot of slots) {
      const raw = row.cells[slot.index] ?? '';
      const text = (ODD_SPACE.test(raw) ? raw.replace(INVISIBLE, '').replace(/\u00a0/g, ' ') : raw).trim();
      cells[slot.column.header] = text;
      if (text !== '') empty = false;
    }
    if (empty) {
      outcome.skippedRows++;
      continue;
    }
    if (!exampleSkipped && slots.every((s) => cells[s.column.header] === s.column.example)) {
      exampleSkipped = true;
      outcome.skippedRows++;
      report({ row: row.rowNumber, column: null, message: '该行与模板示例完全相同，已跳过', severity: 'warning' });
      continue;
    }
    outcome.totalRows++;

    const errorsBefore = options.errorCount();
    const rowNumber = row.rowNumber;
    const fail = (column: string | null, message: string) =>
      report({ row: rowNumber, column, message, severity: 'error' });
    for (const { column } of slots) {
      const text = cells[column.header];
      if (text === '') {
        if (column.required) fail(column.header, `“${column.header}”不能为空`);
      } else if (column.text && lostDigits(text)) {
        fail(column.header, `“${column.header}”被Excel存成了数字，长数字已丢失精度；请将该列设为文本格式后重新填写`);
      } else if (column.options && !column.options.includes(text)) {
        fail(column.header, `“${column.header}”的值“${text}”无效，应为：${column.options.join('、')}`);
      }
    }
    let record: unknown;
    if (options.errorCount() === errorsBefore) {
      const explanation =
        (definition.explanationHeader ? cells[definition.explanationHeader] : '') ||
        options.explanations[rowNumber]?.trim() ||
        null;
      const parsed = definition.parseRow(cells, options.context, rowNumber, { explanation });
      let unexplained = false;
      for (const issue of parsed.issues) {
        if (issue.severity !== 'warning') {
          fail(issue.column ?? null, issue.message);
          continue;
        }
        const needsExplanation = issue.needsExplanation === true;
        if (needsExplanation && !explanation) unexplained = true;
        report({
          row: rowNumber,
          column: issue.column ?? null,
          message: issue.message,
          severity: 'warning',
          ...(needsExplanation ? { needsExplanation, explained: !!explanation } : {}),
        });
      }
      if (unexplained) outcome.unexplained++;
      record = parsed.record;
    }
    let failed = options.errorCount() > errorsBefore;
    if (!failed && record !== undefined) {
      const key = definition.key(record);
      const first = seenKeys.get(key);
      if (first !== undefined) {
        failed = true;
        fail(
          definition.keyHeaders[0],
          `与第${first}行重复（${definition.keyHeaders.join('+')}：${definition.displayKey?.(record) ?? key}）`,
        );
      } else {
        seenKeys.set(key, row.rowNumber);
      }
    }
    if (failed) {
      outcome.rejectedRows++;
      rejected.add(row.rowNumber);
    } else if (record !== undefined) {
      outcome.validRows++;
      if (options.errorCount() === 0) await options.sink.add(row.rowNumber, definition.toStageRow(record));
      if (outcome.preview.rows.length < PREVIEW_ROWS) {
        outcome.preview.rows.push(
          maskPersonalData([String(row.rowNumber), ...slots.map((slot) => cells[slot.column.header])]),
        );
      }
    }
    if (outcome.totalRows - lastReport >= 2000) {
      lastReport = outcome.totalRows;
      options.onProgress?.({
        phase: 'reading',
        rows: outcome.totalRows,
        fraction: 0.85 * (progress.bytesRead / progress.totalBytes),
      });
    }
  }
  if (!slots)
    report({
      row: 1,
      column: null,
      message: `文件中没有找到含“${definition.keyHeaders[0]}”列的表头行，请使用系统模板`,
      severity: 'error',
    });
  if (slots && options.errorCount() === 0 && outcome.totalRows === 0)
    report({ row: 2, column: null, message: '文件中没有数据行', severity: 'error' });
  for (const issue of definition.finish?.(options.context) ?? []) {
    const severity = issue.severity ?? 'error';
    report({ row: issue.row, column: issue.column ?? null, message: issue.message, severity });
    // A row the whole-file checks refuse was counted valid while it was read.
    if (severity === 'error' && issue.row > 1 && !rejected.has(issue.row)) {
      rejected.add(issue.row);
      outcome.rejectedRows++;
      outcome.validRows = Math.max(0, outcome.validRows - 1);
    }
  }
}
