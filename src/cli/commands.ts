import { writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { migrateToLatest } from '../db/migrate';
import { createDemoCounty, demoLogins } from '../demo/create-demo';
import { DEMO_COUNTY } from '../demo/demo-county';
import { isRole, ROLES } from '../domain/auth/roles';
import { displayDecimals } from '../domain/indicators/display';
import { aidSummary, summaryPeriod, summaryText } from '../modules/aid/aid-summary';
import { findSchoolByCode } from '../modules/org/org.repository';
import { listIndicators } from '../modules/stats/indicators/read-indicators';
import { recomputeIndicators } from '../modules/stats/indicators/refresh';
import { createUser, resetPassword, setLocked } from '../modules/users/manage-users';
import { findUserByUsername } from '../modules/users/users.repository';
import { recordAudit } from '../platform/audit/record-audit';
import { verifyAuditChain } from '../platform/audit/verify-chain';
import { writeBackup } from '../platform/backup/backup';
import { restoreBackup } from '../platform/backup/restore';
import { AppError } from '../platform/errors';
import { createImportJob, executeImportJob } from '../platform/imports/import-jobs';
import { importDefinition } from '../platform/imports/registry';
import { writeRows, writeTemplate } from '../platform/imports/workbook-writers';
import { cliViewer, openForCli, print, progressLine, uploadDirFor } from './cli-context';

export type Flags = Record<string, string | boolean | undefined>;

function need(flags: Flags, name: string, hint: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || !value)
    throw new AppError('VALIDATION', { message: `--${name} required`, userMessage: `缺少参数 --${name}（${hint}）` });
  return value;
}

async function withDatabase<T>(
  flags: Flags,
  work: (db: Awaited<ReturnType<typeof openForCli>>) => Promise<T>,
  migrate = true,
): Promise<T> {
  const database = await openForCli({ dataDir: flags['data-dir'] as string | undefined, migrate });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export async function migrateCommand(flags: Flags): Promise<number> {
  return withDatabase(
    flags,
    async (database) => {
      const { applied } = await migrateToLatest(database.db);
      print(
        !!flags.json,
        { applied, location: database.location },
        applied.length
          ? `已执行迁移：${applied.join('、')}（${database.location}）`
          : `数据库已是最新（${database.location}）`,
      );
      return 0;
    },
    false,
  );
}

export async function demoCommand(flags: Flags): Promise<number> {
  return withDatabase(flags, async (database) => {
    const created = await createDemoCounty(database.db);
    const logins = demoLogins();
    const county = { code: DEMO_COUNTY.code, name: DEMO_COUNTY.name };
    const text = [
      created
        ? `已创建演示县：${DEMO_COUNTY.name}（${DEMO_COUNTY.code}）`
        : `演示县已存在：${DEMO_COUNTY.name}（${DEMO_COUNTY.code}）`,
      '演示账号（初始密码）：',
      ...logins.map((l) => `  ${l.roleLabel.padEnd(8, '　')} ${l.username.padEnd(10)} ${l.password}  ${l.scope}`),
    ].join('\n');
    print(
      !!flags.json,
      { county, created, logins: logins.map(({ role, username, password }) => ({ role, username, password })) },
      text,
    );
    return 0;
  });
}

export async function templateCommand(flags: Flags, type: string | undefined): Promise<number> {
  const definition = importDefinition(type ?? need(flags, 'type', '导入类型，如 schools'));
  const out = need(flags, 'out', '输出文件，如 学校模板.xlsx');
  return withDatabase(flags, async (database) => {
    const counties = await database.db.selectFrom('county').select('code').execute();
    const countyCode = (flags.county as string | undefined) ?? (counties.length === 1 ? counties[0].code : undefined);
    const options = countyCode
      ? (definition.templateOptions?.(await definition.prepare({ db: database.db, countyCode, viewer: cliViewer() })) ??
        {})
      : {};
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => chunks.push(c));
    await writeTemplate(definition, options, sink);
    writeFileSync(out, Buffer.concat(chunks));
    print(!!flags.json, { ok: true, out }, `已生成模板：${out}`);
    return 0;
  });
}

export async function importCommand(flags: Flags, type: string | undefined, file: string | undefined): Promise<number> {
  const definition = importDefinition(type ?? need(flags, 'type', '导入类型'));
  const path = file ?? need(flags, 'file', '要导入的文件');
  const countyCode = need(flags, 'county', '县级行政区划代码，如 145523');
  const json = !!flags.json;
  const dryRun = !!flags['dry-run'];
  return withDatabase(flags, async (database) => {
    const county = await database.db
      .selectFrom('county')
      .select('code')
      .where('code', '=', countyCode)
      .executeTakeFirst();
    if (!county)
      throw new AppError('NOT_FOUND', { message: 'County not found', userMessage: `县区 ${countyCode} 不存在` });
    const job = await createImportJob(database.db, {
      countyCode,
      type: definition.type,
      fileName: path.split('/').pop()!,
      source: { path },
      uploadDir: uploadDirFor(flags['data-dir'] as string | undefined),
      createdBy: null,
    });
    const progress = progressLine(process.stderr.isTTY || !!flags.progress);
    const outcome = await executeImportJob(database.db, job, {
      definition,
      viewer: cliViewer(),
      dryRun,
      onProgress: (p) =>
        progress.update(
          `导入${definition.label}：${p.phase === 'reading' ? '校验' : '写入'} ${p.rows} 行（${Math.round(p.fraction * 100)}%）`,
        ),
    });
    progress.done();
    const errors = outcome.issues
      .filter((i) => i.severity === 'error')
      .map(({ row, column, message }) => ({ row, column, message }));
    const warnings = outcome.issues
      .filter((i) => i.severity === 'warning')
      .map(({ row, column, message }) => ({ row, column, message }));
    const ok = outcome.errorCount === 0 && (outcome.committed || dryRun);
    const result = {
      ok,
      dryRun,
      committed: outcome.committed,
      jobId: job.id,
      totalRows: outcome.totalRows,
      inserted: outcome.inserted,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      rejected: outcome.rejectedRows,
      errorCount: outcome.errorCount,
      errors,
      warnings,
    };
    const text = ok
      ? `${dryRun ? '校验通过（未写入）' : '导入完成'}：共${outcome.totalRows}行，新增${outcome.inserted}条，更新${outcome.updated}条，无变化${outcome.unchanged}条`
      : [
          `导入未执行：发现${outcome.errorCount}处错误，未写入任何数据`,
          ...errors.slice(0, 50).map((e) => `  第${e.row}行${e.column ? `【${e.column}】` : ''}：${e.message}`),
        ].join('\n');
    print(json, result, text);
    return outcome.errorCount > 0 || (!dryRun && !outcome.committed) ? 1 : 0;
  });
}

export async function exportCommand(flags: Flags, type: string | undefined): Promise<number> {
  const definition = importDefinition(type ?? need(flags, 'type', '导出类型'));
  const countyCode = need(flags, 'county', '县级行政区划代码');
  const out = need(flags, 'out', '输出文件 .xlsx 或 .csv');
  return withDatabase(flags, async (database) => {
    const viewer = cliViewer();
    const count = await writeRows(
      out,
      definition.label,
      definition.columns.map((c) => c.header),
      definition.exportRows(database.db, { scope: viewer.scope, countyCode }),
    );
    await recordAudit(database.db, viewer.actor, {
      action: 'export',
      entityType: definition.type,
      countyCode,
      summary: `导出${definition.label}${count}条到 ${out}`,
    });
    print(!!flags.json, { ok: true, out, rows: count }, `已导出${count}条${definition.label}到 ${out}`);
    return 0;
  });
}

export async function userCommand(
  flags: Flags,
  action: string | undefined,
  username: string | undefined,
): Promise<number> {
  return withDatabase(flags, async (database) => {
    const db = database.db;
    const viewer = cliViewer();
    const manager = { actor: viewer.actor, scope: viewer.scope };
    const name = username ?? need(flags, 'username', '用户名');
    if (action === 'add') {
      const role = need(flags, 'role', `角色：${Object.keys(ROLES).join(', ')}`);
      if (!isRole(role))
        throw new AppError('VALIDATION', {
          message: 'Bad role',
          userMessage: `角色无效，应为：${Object.entries(ROLES)
            .map(([k, r]) => `${k}（${r.label}）`)
            .join('、')}`,
        });
      const scopeLevel = ROLES[role].scopes[0];
      const countyCode = (flags.county as string | undefined) ?? null;
      let townshipId: number | null = null;
      let schoolId: number | null = null;
      if (flags.township)
        townshipId =
          (
            await db
              .selectFrom('township')
              .select('id')
              .where('county_code', '=', countyCode ?? '')
              .where('name', '=', String(flags.township))
              .executeTakeFirst()
          )?.id ?? null;
      if (flags.school) schoolId = (await findSchoolByCode(db, countyCode ?? '', String(flags.school)))?.id ?? null;
      const chosenScope =
        (flags.scope as typeof scopeLevel | undefined) ??
        (countyCode && scopeLevel === 'system' ? 'county' : scopeLevel);
      const created = await createUser(
        db,
        manager,
        {
          username: name,
          displayName: (flags.name as string) ?? name,
          role,
          scopeLevel: chosenScope,
          countyCode,
          cityCode: (flags.city as string) ?? null,
          townshipId,
          schoolId,
        },
        flags.password as string | undefined,
      );
      print(
        !!flags.json,
        { ok: true, id: created.id, username: name, password: created.password },
        `已创建账号 ${name}，初始密码：${created.password}（首次登录须修改）`,
      );
      return 0;
    }
    const user = await findUserByUsername(db, name);
    if (!user) throw new AppError('NOT_FOUND', { message: 'No user', userMessage: `账号“${name}”不存在` });
    if (action === 'passwd') {
      const password = await resetPassword(db, manager, user.id, flags.password as string | undefined);
      print(
        !!flags.json,
        { ok: true, username: name, password },
        `已重置 ${name} 的密码：${password}（下次登录须修改）`,
      );
      return 0;
    }
    if (action === 'lock' || action === 'unlock') {
      await setLocked(db, manager, user.id, action === 'lock');
      print(!!flags.json, { ok: true }, `已${action === 'lock' ? '锁定' : '解锁'}账号 ${name}`);
      return 0;
    }
    throw new AppError('VALIDATION', {
      message: 'Unknown user action',
      userMessage: '用法：jiaoguan user add|passwd|lock|unlock <用户名>',
    });
  });
}

export async function backupCommand(flags: Flags): Promise<number> {
  const out = need(flags, 'out', '备份文件，如 backup.jgb');
  return withDatabase(flags, async (database) => {
    const summary = await writeBackup(database.db, out, database.engine);
    const rows = summary.tables.reduce((s, t) => s + t.rows, 0);
    await recordAudit(database.db, cliViewer().actor, {
      action: 'system.backup',
      summary: `备份数据到 ${out}：${summary.tables.length}张表，${rows}行`,
    });
    print(!!flags.json, { ok: true, out, ...summary }, `备份完成：${out}（${summary.tables.length}张表，${rows}行）`);
    return 0;
  });
}

export async function restoreCommand(flags: Flags): Promise<number> {
  const input = need(flags, 'in', '备份文件');
  return withDatabase(flags, async (database) => {
    const result = await restoreBackup(database.db, input, cliViewer().actor);
    print(!!flags.json, { ok: true, ...result }, `恢复完成：${result.tables}张表，${result.rows}行`);
    return 0;
  });
}

export async function auditCommand(flags: Flags, action: string | undefined): Promise<number> {
  if (action !== 'verify')
    throw new AppError('VALIDATION', { message: 'Unknown audit action', userMessage: '用法：jiaoguan audit verify' });
  return withDatabase(flags, async (database) => {
    const report = await verifyAuditChain(database.db);
    print(
      !!flags.json,
      report,
      report.ok
        ? `审计日志完整：已校验${report.checked}条记录，哈希链无断裂`
        : `审计日志被篡改：${report.problem?.reason}`,
    );
    return report.ok ? 0 : 1;
  });
}

export async function indicatorsCommand(flags: Flags): Promise<number> {
  const countyCode = need(flags, 'county', '县级行政区划代码');
  const year = Number(need(flags, 'year', '学年起始年份，如 2024 表示2024-2025学年'));
  if (!Number.isInteger(year) || year < 2000)
    throw new AppError('VALIDATION', { message: 'Bad year', userMessage: '--year 应为四位年份，如 2024' });
  return withDatabase(flags, async (database) => {
    const viewer = cliViewer();
    if (flags.recompute) await recomputeIndicators(database.db, [{ countyCode, schoolYear: year }]);
    let schoolId: number | undefined;
    if (flags.school) {
      const school = await findSchoolByCode(database.db, countyCode, String(flags.school));
      if (!school)
        throw new AppError('NOT_FOUND', {
          message: 'No school',
          userMessage: `本县没有学校标识码为${flags.school}的学校`,
        });
      schoolId = school.id;
    }
    const items = await listIndicators(database.db, viewer.scope, countyCode, year, schoolId);
    const json = items.map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit,
      value: i.value,
      threshold: i.threshold,
      pass: i.status === 'none' ? null : i.status === 'pass',
      scope: { level: i.level, id: i.scopeId, name: i.scopeName, stage: i.stage, stageLabel: i.stageLabel },
      numerator: i.numerator,
      denominator: i.denominator,
    }));
    const format = (i: (typeof items)[number]) =>
      i.value === null ? '—' : i.value.toFixed(displayDecimals(i.value, i.decimals, i.threshold, i.direction));
    const text = items
      .map(
        (i) =>
          `${i.scopeName}\t${i.stageLabel}\t${i.name}\t${format(i)}${i.unit}\t${i.threshold === null ? '' : `标准${i.direction === 'higher' ? '≥' : '≤'}${i.threshold}`}\t${i.status === 'pass' ? '达标' : i.status === 'fail' ? '未达标' : ''}`,
      )
      .join('\n');
    print(!!flags.json, { county: countyCode, schoolYear: year, items: json }, text || '没有指标数据');
    return 0;
  });
}

/** `aid summary`: paid aid of a calendar year (or one of its terms) per program and report group, and the paragraph. */
export async function aidCommand(flags: Flags, action: string | undefined): Promise<number> {
  if (action !== 'summary')
    throw new AppError('VALIDATION', {
      message: 'Unknown aid action',
      userMessage: '用法：jiaoguan aid summary --county CODE --year YEAR [--term 春|秋] [--json]',
    });
  const countyCode = need(flags, 'county', '县级行政区划代码');
  const year = Number(need(flags, 'year', '自然年，如 2024'));
  if (!Number.isInteger(year) || year < 2000)
    throw new AppError('VALIDATION', { message: 'Bad year', userMessage: '--year 应为四位年份，如 2024' });
  const period = summaryPeriod(year, flags.term as string | undefined);
  return withDatabase(flags, async (database) => {
    const summary = await aidSummary(database.db, cliViewer().scope, countyCode, period);
    print(!!flags.json, summary, summaryText(summary));
    return 0;
  });
}
