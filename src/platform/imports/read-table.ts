import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppError } from '../errors';
import { cellText } from './cell-text';

export type TableFormat = 'csv' | 'xlsx' | 'xls';

/** One spreadsheet row as text cells; rowNumber is what Excel shows (the header row is 1). */
export interface TableRow {
  rowNumber: number;
  cells: string[];
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
}

export function formatOf(fileName: string): TableFormat {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'xls') return 'xls';
  throw new AppError('VALIDATION', {
    message: `Unsupported file ${fileName}`,
    userMessage: `不支持的文件类型“${fileName}”，请上传 .xlsx、.xls 或 .csv 文件`,
  });
}

// .xls (Excel 97-2003) has at most 65,536 rows and is read whole; this bound keeps a hostile file from eating memory.
const MAX_XLS_BYTES = 40 * 1024 * 1024;

/**
 * Streams the rows of the first sheet (or of the first sheet whose header row `acceptSheet` accepts) with bounded
 * memory, whatever the size of the file.
 */
export async function* readTable(
  path: string,
  format: TableFormat,
  options: { acceptSheet?: (header: string[]) => boolean; onProgress?: (p: ReadProgress) => void } = {},
): AsyncGenerator<TableRow> {
  const totalBytes = statSync(path).size;
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk, _encoding, callback) {
      bytesRead += chunk.length;
      options.onProgress?.({ bytesRead, totalBytes });
      callback(null, chunk);
    },
  });
  const source = () => createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(counter);
  if (format === 'csv') yield* readCsv(path, source);
  else if (format === 'xlsx') yield* readXlsx(source, options.acceptSheet);
  else yield* readXls(path, totalBytes, options.acceptSheet);
}

/** Excel in China saves CSV in GBK; anything that is not valid UTF-8 is read as GB18030 (a superset of GBK). */
export async function detectCsvEncoding(path: string): Promise<'utf8' | 'gb18030'> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }))
      decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/**
 * CSV through PapaParse's core parser, driven chunk by chunk from an already-decoded text stream: Papa keeps the last,
 * possibly incomplete row for the next chunk (quoted fields may hold newlines), and our own loop is the backpressure.
 * (Papa's stream reader decodes each Buffer on its own, which breaks a CJK character split across two chunks.)
 */
async function* readCsv(path: string, source: () => NodeJS.ReadableStream): AsyncGenerator<TableRow> {
  const encoding = await detectCsvEncoding(path);
  const text = (
    encoding === 'utf8' ? source().setEncoding('utf8') : source().pipe(iconv.decodeStream('gb18030'))
  ) as AsyncIterable<string>;
  let parser: InstanceType<typeof Papa.Parser> | undefined;
  let pending = '';
  let rowNumber = 0;
  for await (const chunk of text) {
    let input = pending + chunk;
    if (!parser) {
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
      const newline = input.includes('\r\n') ? '\r\n' : input.includes('\r') && !input.includes('\n') ? '\r' : '\n';
      parser = new Papa.Parser({ delimiter: ',', newline, quoteChar: '"' });
    }
    const result = parser.parse(input, 0, true);
    pending = input.slice(result.meta.cursor);
    for (const cells of result.data as string[][]) yield { rowNumber: ++rowNumber, cells };
  }
  if (parser && pending) {
    for (const cells of parser.parse(pending, 0, false).data as string[][]) yield { rowNumber: ++rowNumber, cells };
  }
}

async function* readXlsx(
  source: () => NodeJS.ReadableStream,
  acceptSheet?: (header: string[]) => boolean,
): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source() as never, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let found = false;
  try {
    for await (const worksheet of reader as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
      if (found) continue;
      let accepted: boolean | undefined;
      for await (const row of worksheet) {
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (accepted === undefined) {
          if (values.every((v) => v.trim() === '')) continue;
          accepted = !acceptSheet || acceptSheet(values);
          if (!accepted) break;
          found = true;
        }
        yield { rowNumber: row.number, cells: values };
      }
    }
  } catch (error) {
    throw new AppError('VALIDATION', {
      message: `Unreadable xlsx: ${(error as Error).message}`,
      userMessage: '无法读取该Excel文件，文件可能已损坏或不是有效的 .xlsx 文件',
      cause: error,
    });
  }
}

async function* readXls(
  path: string,
  size: number,
  acceptSheet?: (header: string[]) => boolean,
): AsyncGenerator<TableRow> {
  if (size > MAX_XLS_BYTES) {
    throw new AppError('VALIDATION', {
      message: 'xls too large',
      userMessage: '.xls 文件过大，请另存为 .xlsx 或 .csv 后上传',
    });
  }
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(readFileSync(path), { type: 'buffer', cellDates: true, dense: true });
  } catch (error) {
    throw new AppError('VALIDATION', {
      message: 'Unreadable xls',
      userMessage: '无法读取该Excel文件，文件可能已损坏',
      cause: error,
    });
  }
  for (const name of workbook.SheetNames) {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[name], {
      header: 1,
      raw: true,
      defval: '',
      blankrows: true,
    });
    const headerIndex = rows.findIndex((r) => r.some((v) => cellText(v).trim() !== ''));
    if (headerIndex < 0) continue;
    if (acceptSheet && !acceptSheet(rows[headerIndex].map(cellText))) continue;
    for (let i = headerIndex; i < rows.length; i++) yield { rowNumber: i + 1, cells: rows[i].map(cellText) };
    return;
  }
}
