import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export function tempDir(prefix = 'jg-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function writeXlsx(path: string, rows: (string | number | null)[][], sheetName = '学校'): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
  return path;
}

export function writeCsv(
  path: string,
  rows: (string | number | null)[][],
  encoding: 'utf8' | 'utf8-bom' | 'gbk' = 'utf8',
): string {
  const text = rows
    .map((r) =>
      r
        .map((v) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v)))
        .join(','),
    )
    .join('\r\n');
  if (encoding === 'gbk') writeFileSync(path, iconv.encode(text, 'gbk'));
  else writeFileSync(path, (encoding === 'utf8-bom' ? '\uFEFF' : '') + text);
  return path;
}

export function writeXls(path: string, rows: (string | number | null)[][]): string {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), '学校');
  writeFileSync(path, XLSX.write(workbook, { type: 'buffer', bookType: 'biff8' }));
  return path;
}

export const SCHOOL_HEADERS = [
  '学校标识码',
  '学校名称',
  '学校类型',
  '办学性质',
  '城乡类型',
  '所属乡镇',
  '统一社会信用代码',
  '地址',
  '所属学校标识码',
  '建校日期',
];
