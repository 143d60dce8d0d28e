import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { todayInChina } from '../../domain/period';
import { checkDraft, factValue, sameValue } from '../../domain/report/check';
import { composeAnnualSummary } from '../../domain/report/compose';
import { type Draft, draftFigures } from '../../domain/report/draft';
import type { Fact, FactSet } from '../../domain/report/facts';
import { recordAudit } from '../../platform/audit/record-audit';
import { renderDraftDocx } from '../../platform/documents/gbt9704-docx';
import { convertDocxToPdf } from '../../platform/documents/pdf';
import { type DocxFigure, readDocxFigures } from '../../platform/documents/read-docx';
import { AppError, notFound, validationError } from '../../platform/errors';
import { collectFacts } from '../../platform/facts/facts';
import { requirePermission, resolveCounty, type Viewer } from '../../platform/scope';

export interface ReportFacts {
  countyName: string;
  facts: FactSet;
  previous: FactSet;
}

/** Every module's facts for the county and year, and for the year before (for comparisons). */
export async function reportFacts(db: Kysely<DB>, countyCode: string, year: number): Promise<ReportFacts> {
  const county = await db.selectFrom('county').select('name').where('code', '=', countyCode).executeTakeFirst();
  if (!county) throw notFound('县区');
  const request = { countyCode, countyName: county.name, year };
  const [facts, previous] = await Promise.all([
    collectFacts(db, request),
    collectFacts(db, { ...request, year: year - 1 }),
  ]);
  return { countyName: county.name, facts, previous };
}

/** The annual summary composed from the facts, as of today (not saved). */
export async function composeAnnual(
  db: Kysely<DB>,
  countyCode: string,
  year: number,
  options: { withPlan?: boolean; date?: string } = {},
) {
  const { countyName, facts, previous } = await reportFacts(db, countyCode, year);
  const { draft, problems } = composeAnnualSummary({
    countyName,
    year,
    facts,
    previous,
    issuer: `${countyName}教育局`,
    date: options.date ?? todayInChina(),
    withPlan: options.withPlan,
  });
  return { draft, problems, facts };
}

/** The facts a draft's figures refer to, as the editor shows them on hover. */
type FactSource = Pick<Fact, 'label' | 'unit' | 'value' | 'period' | 'scope' | 'formula' | 'href' | 'threshold'>;

function factsOf(draft: Draft, facts: FactSet): Record<string, FactSource> {
  const out: Record<string, FactSource> = {};
  for (const run of draftFigures(draft)) {
    const id = run.fact.factId.replace(/#threshold$/, '');
    const fact = facts.get(id);
    if (fact)
      out[id] = {
        label: fact.label,
        unit: fact.unit,
        value: fact.value,
        period: fact.period,
        scope: fact.scope,
        formula: fact.formula,
        href: fact.href,
        threshold: fact.threshold,
      };
  }
  return out;
}

function versionInScope(viewer: Viewer, row: { county_code: string }) {
  resolveCounty(viewer.scope, row.county_code);
}

async function nextVersion(trx: Kysely<DB>, countyCode: string, year: number): Promise<number> {
  const approved = await trx
    .selectFrom('report_version')
    .select('version')
    .where('county_code', '=', countyCode)
    .where('kind', '=', 'annual')
    .where('year', '=', year)
    .where('approved_at', 'is not', null)
    .executeTakeFirst();
  if (approved)
    throw new AppError('CONFLICT', {
      message: 'Report approved',
      userMessage: `${year}年工作总结第${approved.version}稿已审定，不能再修改；如需修改，请局领导先撤销审定`,
    });
  const last = await trx
    .selectFrom('report_version')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('county_code', '=', countyCode)
    .where('kind', '=', 'annual')
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(last?.v ?? 0) + 1;
}

async function storeVersion(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  year: number,
  draft: Draft,
  facts: FactSet,
  origin: 'generated' | 'edited',
  note: string | null,
) {
  return db.transaction().execute(async (trx) => {
    const version = await nextVersion(trx, countyCode, year);
    const values = Object.fromEntries(
      draftFigures(draft).map((r) => [r.fact.factId, factValue(facts, r.fact.factId) ?? null]),
    );
    const row = await trx
      .insertInto('report_version')
      .values({
        county_code: countyCode,
        kind: 'annual',
        year,
        version,
        title: draft.title,
        content: JSON.stringify(draft),
        facts: JSON.stringify(values),
        origin,
        note,
        created_by: viewer.userId,
        created_by_name: viewer.displayName,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, viewer.actor, {
      action: origin === 'generated' ? 'report.generate' : 'report.save',
      entityType: 'report_version',
      entityId: row.id,
      countyCode,
      summary: `${origin === 'generated' ? '生成' : '保存'}${year}年工作总结第${row.version}稿${note ? `：${note}` : ''}`,
    });
    return row;
  });
}

/** Composes a new draft from today's facts and saves it as the next version. */
export async function generateAnnual(
  db: Kysely<DB>,
  viewer: Viewer,
  countyCode: string,
  year: number,
  options: { withPlan?: boolean; note?: string | null } = {},
) {
  requirePermission(viewer, 'report.write');
  const { draft, facts } = await composeAnnual(db, countyCode, year, options);
  return storeVersion(db, viewer, countyCode, year, draft, facts, 'generated', options.note ?? null);
}

/** Saves the writer's edit of a version as the next version. */
export async function saveEdit(db: Kysely<DB>, viewer: Viewer, baseId: number, draft: Draft, note: string | null) {
  requirePermission(viewer, 'report.write');
  const base = await db
    .selectFrom('report_version')
    .select(['county_code', 'year'])
    .where('id', '=', baseId)
    .executeTakeFirst();
  if (!base) throw notFound('工作总结');
  versionInScope(viewer, base);
  const { facts } = await reportFacts(db, base.county_code, base.year);
  return storeVersion(db, viewer, base.county_code, base.year, draft, facts, 'edited', note);
}

export async function listVersions(db: Kysely<DB>, viewer: Viewer, countyCode: string, year: number) {
  requirePermission(viewer, 'report.read');
  return db
    .selectFrom('report_version')
    .select([
      'id',
      'version',
      'title',
      'origin',
      'note',
      'created_by_name',
      'created_at',
      'approved_by_name',
      'approved_at',
    ])
    .where('county_code', '=', countyCode)
    .where('kind', '=', 'annual')
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .execute();
}

/** A version with its text, its figures checked against today's facts, and those facts for the editor. */
export async function versionDetail(db: Kysely<DB>, viewer: Viewer, id: number) {
  requirePermission(viewer, 'report.read');
  const row = await db.selectFrom('report_version').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('工作总结');
  versionInScope(viewer, row);
  const draft = row.content as Draft;
  const { facts } = await reportFacts(db, row.county_code, row.year);
  const check = checkDraft(draft, facts);
  return {
    version: { ...row, content: undefined, facts: undefined },
    draft,
    check,
    facts: factsOf(draft, facts),
  };
}

/** Approves a version (局领导): it is locked, and so is the report until the approval is withdrawn. */
export async function setApproval(db: Kysely<DB>, viewer: Viewer, id: number, approve: boolean) {
  requirePermission(viewer, 'report.approve');
  const row = await db.selectFrom('report_version').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('工作总结');
  versionInScope(viewer, row);
  await db.transaction().execute(async (trx) => {
    if (approve) {
      const other = await trx
        .selectFrom('report_version')
        .select('version')
        .where('county_code', '=', row.county_code)
        .where('year', '=', row.year)
        .where('approved_at', 'is not', null)
        .executeTakeFirst();
      if (other) throw validationError(`第${other.version}稿已审定，请先撤销其审定`);
      const check = checkDraft(row.content as Draft, (await reportFacts(trx, row.county_code, row.year)).facts);
      const stale = check.figures.filter((f) => f.state === 'stale' || f.state === 'missing');
      if (stale.length) throw validationError(`稿中有${stale.length}处数字与最新数据不一致，请重新生成或修改后再审定`);
    } else if (!row.approved_at) throw validationError('该稿尚未审定');
    await trx
      .updateTable('report_version')
      .set(
        approve
          ? { approved_by: viewer.userId, approved_by_name: viewer.displayName, approved_at: new Date() }
          : { approved_by: null, approved_by_name: null, approved_at: null },
      )
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, viewer.actor, {
      action: approve ? 'report.approve' : 'report.unapprove',
      entityType: 'report_version',
      entityId: id,
      countyCode: row.county_code,
      summary: `${approve ? '审定' : '撤销审定'}${row.year}年工作总结第${row.version}稿`,
    });
  });
}

/** The version as a GB/T 9704 Word document. */
export async function versionDocx(
  db: Kysely<DB>,
  viewer: Viewer,
  id: number,
): Promise<{ buffer: Buffer; fileName: string }> {
  const { draft, version } = await versionDetail(db, viewer, id);
  return { buffer: await renderDraftDocx(draft), fileName: `${version.title}（第${version.version}稿）.docx` };
}

/** The version as PDF, through LibreOffice. */
export async function versionPdf(
  db: Kysely<DB>,
  viewer: Viewer,
  id: number,
): Promise<{ buffer: Buffer; fileName: string }> {
  const { buffer, fileName } = await versionDocx(db, viewer, id);
  return { buffer: await docxToPdf(buffer), fileName: fileName.replace(/\.docx$/, '.pdf') };
}

export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'jiaoguan-pdf-'));
  try {
    writeFileSync(join(dir, 'report.docx'), docx);
    return readFileSync(await convertDocxToPdf(join(dir, 'report.docx'), dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface DocxCheckLine extends DocxFigure {
  valueNow: number | string | null;
  problem: 'edited' | 'stale' | 'missing' | 'unknown' | null;
}

/** A (possibly hand-edited) Word file's figures against today's facts: which no longer match, and why. */
export async function checkDocx(
  db: Kysely<DB>,
  countyCode: string,
  year: number,
  docx: Buffer,
): Promise<DocxCheckLine[]> {
  const { facts } = await reportFacts(db, countyCode, year);
  const read = await readDocxFigures(docx);
  return read.figures.map((figure) => {
    const now = figure.factId ? factValue(facts, figure.factId) : undefined;
    const problem =
      figure.status === 'missing'
        ? 'missing'
        : figure.status === 'unmapped' || now === undefined
          ? 'unknown'
          : figure.value !== undefined && !sameValue(now, figure.value)
            ? 'stale'
            : figure.status === 'changed'
              ? 'edited'
              : null;
    return { ...figure, valueNow: now ?? null, problem };
  });
}
