import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { AppError } from '../errors';

/** The repository's fontconfig file: 公文 font names fall back to Noto CJK (config/fontconfig/fonts.conf). */
export const DEFAULT_FONTCONFIG_FILE = fileURLToPath(new URL('../../../config/fontconfig/fonts.conf', import.meta.url));

const DEFAULT_TIMEOUT_MS = 120_000;
const OUTPUT_LIMIT = 64 * 1024;

const FILTERS = {
  pdf: 'pdf:writer_pdf_Export',
  docx: 'docx:MS Word 2007 XML',
  odt: 'odt:writer8',
} as const;

export type LibreOfficeFormat = keyof typeof FILTERS;

export interface ConvertWithLibreOfficeOptions {
  /** Kills LibreOffice (its whole process group) after this long. Default 120 s. */
  timeoutMs?: number;
  /** The soffice executable. Default: `$JIAOGUAN_SOFFICE`, else `soffice` on the PATH. */
  soffice?: string;
  /** Output file name without extension; default: the input's, or `document` for a buffer. */
  name?: string;
  /** FONTCONFIG_FILE for the child process; default: the repository's config/fontconfig/fonts.conf. */
  fontconfigFile?: string;
}

function notInstalled(soffice: string, cause: unknown): AppError {
  return new AppError('INTERNAL', {
    message: `LibreOffice is not installed: '${soffice}' was not found, so the document cannot be converted (apt-get install libreoffice-writer-nogui)`,
    userMessage:
      '服务器未安装 LibreOffice（找不到 soffice），无法转换文档。请联系管理员安装 libreoffice-writer-nogui。',
    cause,
  });
}

function conversionFailed(detail: string): AppError {
  return new AppError('INTERNAL', {
    message: `LibreOffice conversion failed: ${detail}`,
    userMessage: `文档转换失败（LibreOffice）：${detail}`,
  });
}

interface RunResult {
  code: number | null;
  output: string;
}

/** Runs soffice in its own process group, so a timeout kills soffice.bin too and not just the wrapper script. */
function runSoffice(soffice: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(soffice, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      if (output.length < OUTPUT_LIMIT) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? notInstalled(soffice, error) : conversionFailed(error.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(conversionFailed(`timed out after ${timeoutMs} ms / 超时`));
      else resolvePromise({ code, output });
    });
  });
}

/**
 * Converts a document with LibreOffice headless into `outDir` and returns the output path. Each call uses a fresh
 * user profile (-env:UserInstallation) in a temporary directory, so parallel conversions do not fight over one profile
 * lock; the input is staged there too, so converting DOCX to DOCX never overwrites the input.
 */
export async function convertWithLibreOffice(
  input: string | Uint8Array,
  outDir: string,
  format: LibreOfficeFormat,
  options: ConvertWithLibreOfficeOptions = {},
): Promise<string> {
  const soffice = options.soffice ?? process.env.JIAOGUAN_SOFFICE ?? 'soffice';
  const fontconfigFile = options.fontconfigFile ?? DEFAULT_FONTCONFIG_FILE;
  const sourceExtension = typeof input === 'string' ? extname(input) || '.docx' : '.docx';
  const name = options.name ?? (typeof input === 'string' ? basename(input, extname(input)) : 'document');
  const workDir = await mkdtemp(join(tmpdir(), 'jiaoguan-soffice-'));
  try {
    const stagedInput = join(workDir, `${name}${sourceExtension}`);
    if (typeof input === 'string') await copyFile(input, stagedInput);
    else await writeFile(stagedInput, input);
    const convertedDir = join(workDir, 'out');
    await mkdir(convertedDir);

    const env: NodeJS.ProcessEnv = { ...process.env };
    // Only for this child: the server's own font lookups stay untouched.
    if (existsSync(fontconfigFile)) env.FONTCONFIG_FILE = fontconfigFile;
    const args = [
      '--headless',
      '--invisible',
      '--nodefault',
      '--nolockcheck',
      '--nologo',
      '--norestore',
      `-env:UserInstallation=${pathToFileURL(join(workDir, 'profile')).href}`,
      '--convert-to',
      FILTERS[format],
      '--outdir',
      convertedDir,
      stagedInput,
    ];
    const result = await runSoffice(soffice, args, env, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    // soffice exits 0 even when it could not load the file, so the output file is the real test.
    const produced = (await readdir(convertedDir)).find((file) => extname(file) === `.${format}`);
    if (result.code !== 0 || !produced) {
      const detail = result.output.trim().split('\n').slice(-3).join(' ') || `exit code ${result.code}`;
      throw conversionFailed(detail);
    }
    await mkdir(outDir, { recursive: true });
    const target = resolve(outDir, `${name}.${format}`);
    await copyFile(join(convertedDir, produced), target);
    return target;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * LibreOffice hangs a line-end comma into the margin by default and then leaves it out of the PDF (7.4 drops about
 * one mark a page). The DOCX switch for it (w:overflowPunct) is ignored on import, so the ODT's paragraph styles are
 * set to simple punctuation wrap instead: the character before the mark moves down, as 禁则 wants.
 */
export function withoutHangingPunctuation(odt: Uint8Array): Uint8Array {
  const files = unzipSync(odt);
  for (const name of ['styles.xml', 'content.xml']) {
    const xml = files[name];
    if (xml)
      files[name] = strToU8(strFromU8(xml).replaceAll('punctuation-wrap="hanging"', 'punctuation-wrap="simple"'));
  }
  // ODF wants `mimetype` first and stored uncompressed.
  const { mimetype, ...rest } = files;
  return zipSync({ mimetype: [mimetype!, { level: 0 }], ...rest });
}

/**
 * Converts a DOCX (a path or its bytes) to PDF with LibreOffice headless and returns the PDF's path in `outDir`,
 * through ODT so that no punctuation hangs (see withoutHangingPunctuation).
 * Throws an AppError with a Chinese userMessage when soffice is missing, fails or times out.
 */
export async function convertDocxToPdf(
  input: string | Uint8Array,
  outDir: string,
  options: ConvertWithLibreOfficeOptions = {},
): Promise<string> {
  const name = options.name ?? (typeof input === 'string' ? basename(input, extname(input)) : 'document');
  const workDir = await mkdtemp(join(tmpdir(), 'jiaoguan-pdf-'));
  try {
    const odt = await convertWithLibreOffice(input, workDir, 'odt', { ...options, name });
    const fixed = join(workDir, `${name}-simple.odt`);
    await writeFile(fixed, withoutHangingPunctuation(await readFile(odt)));
    return await convertWithLibreOffice(fixed, outDir, 'pdf', { ...options, name });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
