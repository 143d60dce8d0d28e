/**
 * Shared set-up of the aid db tests: a county with a primary, a junior and a kindergarten in two townships, valid
 * ID numbers, beneficiary rows as cells, and an import through the real engine. Used by tests only.
 */
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { COUNTY, newCounty, newSchool, viewerWith } from '../../../test/factories';
import { tempDir, writeCsv } from '../../../test/files';
import type { DB } from '../../db/schema';
import { AID_COLUMNS } from '../../domain/aid/records';
import { composeIdNumber } from '../../domain/codes/id-card';
import { createImportJob, executeImportJob } from '../../platform/imports/import-jobs';
import type { Viewer } from '../../platform/scope';
import { aidBeneficiariesImport } from './aid-beneficiaries.import';

export const HEADERS = Object.values(AID_COLUMNS);
export const SCHOOLS = { primary: '2114552301', junior: '3114552301', kinder: '1114552301', other: '2114552302' };

export interface AidWorld {
  ids: Record<keyof typeof SCHOOLS, number>;
  townships: Record<string, number>;
  center: Viewer;
  clerk: Viewer;
  otherClerk: Viewer;
  leader: Viewer;
}

export async function buildAidWorld(db: Kysely<DB>): Promise<AidWorld> {
  const { townships } = await newCounty(db);
  const ids = {
    primary: await newSchool(db, townships['城关镇'], { code: SCHOOLS.primary, name: '城关镇第一小学' }),
    junior: await newSchool(db, townships['东河镇'], {
      code: SCHOOLS.junior,
      name: '东河镇初级中学',
      type: 'junior',
    }),
    kinder: await newSchool(db, townships['城关镇'], {
      code: SCHOOLS.kinder,
      name: '城关镇中心幼儿园',
      type: 'kindergarten',
    }),
    other: await newSchool(db, townships['东河镇'], { code: SCHOOLS.other, name: '东河镇中心小学' }),
  };
  const school = (id: number) => ({ level: 'school' as const, countyCode: COUNTY, schoolId: id, schoolIds: [id] });
  return {
    ids,
    townships,
    center: viewerWith('aid_center', { level: 'county', countyCode: COUNTY }, 1),
    clerk: viewerWith('school_clerk', school(ids.primary), 2),
    otherClerk: viewerWith('school_clerk', school(ids.other), 3),
    leader: viewerWith('leader', { level: 'county', countyCode: COUNTY }, 4),
  };
}

/** A valid ID number of a pupil born in `year`, distinct per serial. */
export function pupilId(serial: number, year = 2014): string {
  const month = String((serial % 12) + 1).padStart(2, '0');
  const day = String((Math.floor(serial / 12) % 28) + 1).padStart(2, '0');
  return composeIdNumber('145523', `${year}-${month}-${day}`, Math.floor(serial / 336) * 2 + 1);
}

/** A row of a beneficiary file; defaults to a 2024秋 寄宿生 at the primary school, paid the standard 625元. */
export function aidRow(overrides: Partial<Record<(typeof HEADERS)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    学期: '2024年秋季学期',
    资助项目: '义务教育家庭经济困难寄宿生生活补助',
    学校标识码: SCHOOLS.primary,
    姓名: '张小明',
    身份证号: pupilId(1),
    年级: '五年级',
    班级: '2班',
    资助对象类别: '脱贫家庭',
    困难等级: '困难',
    '金额(元)': '625',
    ...overrides,
  };
  return HEADERS.map((h) => base[h]);
}

const dir = tempDir('jg-aid-test-');

/** Imports rows through the real engine (template headers first), as `viewer`. */
export async function importAid(
  db: Kysely<DB>,
  viewer: Viewer,
  rows: string[][],
  options: { dryRun?: boolean; headers?: string[] } = {},
) {
  const path = writeCsv(join(dir, `aid-${Math.random().toString(36).slice(2)}.csv`), [
    options.headers ?? HEADERS,
    ...rows,
  ]);
  const job = await createImportJob(db, {
    countyCode: COUNTY,
    type: aidBeneficiariesImport.type,
    fileName: '资助名单.csv',
    source: { path },
    uploadDir: join(dir, 'uploads'),
    createdBy: viewer.userId,
  });
  return executeImportJob(db, job, { definition: aidBeneficiariesImport, viewer, dryRun: options.dryRun ?? false });
}

/** The Chinese message a failing call gives its user (AppError.userMessage, or a database error's text). */
export async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { userMessage?: string }).userMessage ?? (error as Error).message;
  }
  throw new Error('expected the call to fail');
}
