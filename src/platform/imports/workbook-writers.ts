import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportColumn, ImportDefinition } from './define-import';
import { safeCell } from './safe-cell';

// ExcelJS has dataValidations at run time but not in its typings (stack.md §7).
type SheetWithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

const TEMPLATE_ROWS = 5000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The download template of an import type: a data sheet with Chinese headers (required ones in red), text format for
 * code columns, dropdowns for coded values and one example row; a 填写说明 sheet explaining each column; a hidden 字典
 * sheet holding the dropdown lists.
 */
export async function writeTemplate(
  definition: Pick<ImportDefinition, 'label' | 'columns'>,
  dynamicOptions: Record<string, readonly string[]>,
  out: Writable,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '教管 Jiaoguan';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(definition.label, {
    views: [{ state: 'frozen', ySplit: 1 }],
  }) as SheetWithValidations;
  const guide = workbook.addWorksheet('填写说明');
  const dictionary = workbook.addWorksheet('字典', { state: 'hidden' });

  const columns = definition.columns;
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(12, c.header.length * 2 + 4) }));
  const header = sheet.getRow(1);
  header.height = 22;
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: column.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.note = `${column.required ? '【必填】' : '【选填】'}${column.help}`;
  });

  const example = sheet.getRow(2);
  columns.forEach((column, i) => {
    const cell = example.getCell(i + 1);
    cell.value = column.example;
    cell.font = { italic: true, color: { argb: 'FF808080' } };
  });

  let dictColumn = 0;
  columns.forEach((column: ImportColumn, i) => {
    const letter = columnLetter(i);
    if (column.text) {
      for (let r = 2; r <= TEMPLATE_ROWS + 1; r++) sheet.getCell(`${letter}${r}`).numFmt = '@';
    }
    const options = dynamicOptions[column.header] ?? column.options;
    if (!options?.length) return;
    const dictLetter = columnLetter(dictColumn++);
    dictionary.getCell(`${dictLetter}1`).value = column.header;
    options.forEach((option, k) => {
      dictionary.getCell(`${dictLetter}${k + 2}`).value = option;
    });
    sheet.dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`字典!$${dictLetter}$2:$${dictLetter}$${options.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '输入值无效',
      error: `“${column.header}”请从下拉列表中选择`,
    });
  });

  guide.columns = [
    { header: '列名', width: 24 },
    { header: '是否必填', width: 10 },
    { header: '填写说明', width: 70 },
    { header: '示例', width: 24 },
    { header: '可选值', width: 50 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const column of columns) {
    const options = dynamicOptions[column.header] ?? column.options;
    guide.addRow([
      column.header,
      column.required ? '必填' : '选填',
      column.help,
      column.example,
      options?.join('、') ?? '',
    ]);
  }
  guide.addRow([]);
  guide.addRow([
    '说明',
    '',
    `第2行（灰色斜体）为示例，导入时若与示例完全相同会自动跳过；按“${columns[0].header}”识别已有记录，重复导入同一文件不会产生变化；任何一行有错误时整个文件都不会写入。`,
  ]);

  await workbook.xlsx.write(out);
}

/**
 * Streams rows to an .xlsx (ExcelJS streaming writer, constant memory) or a UTF-8 CSV with BOM, every text cell
 * guarded against formula injection. Returns the number of data rows written.
 */
export async function writeRows(
  path: string,
  sheetName: string,
  headers: readonly string[],
  rows: AsyncIterable<Record<string, string | number | null>>,
  onRow?: (count: number) => void,
): Promise<number> {
  if (path.toLowerCase().endsWith('.csv')) return writeCsv(path, headers, rows, onRow);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((h) => ({ header: h, width: Math.max(12, h.length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  for await (const row of rows) {
    sheet.addRow(headers.map((h) => safeCell(row[h] ?? null))).commit();
    count++;
    onRow?.(count);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

async function writeCsv(
  path: string,
  headers: readonly string[],
  rows: AsyncIterable<Record<string, string | number | null>>,
  onRow?: (count: number) => void,
): Promise<number> {
  const out = createWriteStream(path);
  const quote = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(safeCell(v));
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`\uFEFF${headers.map(quote).join(',')}\r\n`);
  let count = 0;
  for await (const row of rows) {
    await write(`${headers.map((h) => quote(row[h])).join(',')}\r\n`);
    count++;
    onRow?.(count);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return count;
}
