import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyViewer } from '../../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../../test/harness';
import { DEMO_COUNTY } from '../../demo/demo-county';
import { composeIdNumber } from '../../domain/codes/id-card';
import { factValue } from '../../domain/report/check';
import { type Draft, draftFigures, figure, text } from '../../domain/report/draft';
import { renderDraftDocx } from '../../platform/documents/gbt9704-docx';
import { readDocxFigures } from '../../platform/documents/read-docx';
import { hireTeacher } from '../teachers/record-event';
import {
  checkDocx,
  composeAnnual,
  generateAnnual,
  reportFacts,
  saveEdit,
  setApproval,
  versionDetail,
} from './report-service';

const COUNTY = DEMO_COUNTY.code;

describe('annual work summary', () => {
  let database: TestDatabase;
  const office = countyViewer('office', COUNTY);
  const leader = countyViewer('leader', COUNTY);

  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
  }, 180_000);
  afterAll(() => database.close());

  it('writes the demo county’s 2024 summary in which every number of the Word file is a figure equal to its fact', async () => {
    const { draft, facts } = await composeAnnual(database.db, COUNTY, 2024, { date: '2025-01-10' });
    expect(draft.title).toBe('青禾县教育局2024年工作总结');
    const docx = await renderDraftDocx(draft);
    const read = await readDocxFigures(docx);
    expect(read.figures.length).toBe(draftFigures(draft).length);
    expect(read.figures.length).toBeGreaterThan(50);
    for (const f of read.figures) {
      expect(f.status, f.factId).toBe('unchanged');
      const now = factValue(facts, f.factId);
      expect(now, f.factId).not.toBeUndefined();
      expect(f.value, f.factId).toEqual(now);
    }
    // With every figure's text taken out, what digits remain are the years of the title, headings and date.
    let rest = read.text;
    for (const f of [...read.figures].sort((a, b) => b.textNow.length - a.textNow.length))
      rest = rest.replace(f.textNow, '');
    const leftovers = [...rest.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]);
    expect(new Set(leftovers)).toEqual(new Set(['2024', '2025', '1', '10']));
    // Headline facts read as the seeds write them.
    expect(read.text).toContain('全县共有各级各类学校（幼儿园）');
    expect(read.text).toMatch(/学前三年毛入园率91\.79%/);
    expect(read.text).toContain('二、存在的问题');
    expect(read.text).toContain('三、2025年工作计划');
  });

  it('keeps versions, flags hand-typed numbers and edited figures, and locks an approved version', async () => {
    const first = await generateAnnual(database.db, office, COUNTY, 2024);
    expect(first.version).toBe(1);
    const detail = await versionDetail(database.db, office, first.id);
    expect(detail.check.untagged).toEqual([]);
    expect(detail.check.figures.every((f) => f.state === 'current')).toBe(true);

    // The writer adds a sentence with a typed number and rewrites one figure by hand.
    const edited: Draft = structuredClone(detail.draft);
    const paragraph = edited.blocks.find((b) => b.kind === 'paragraph' && b.runs.some((r) => r.fact))!;
    if (paragraph.kind !== 'paragraph') throw new Error('unreachable');
    paragraph.runs.push(text('全年开展家访活动1200余次。'));
    const run = paragraph.runs.find((r) => r.fact)!;
    run.text = '约100所';
    const second = await saveEdit(database.db, office, first.id, edited, '补充家访情况');
    expect(second.version).toBe(2);
    const check = (await versionDetail(database.db, office, second.id)).check;
    expect(check.untagged.map((u) => u.number)).toEqual(['1200']);
    expect(check.figures.filter((f) => f.state === 'edited').map((f) => f.text)).toEqual(['约100所']);

    await expect(setApproval(database.db, office, second.id, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await setApproval(database.db, leader, second.id, true);
    await expect(saveEdit(database.db, office, second.id, edited, null)).rejects.toMatchObject({ code: 'CONFLICT' });
    await setApproval(database.db, leader, second.id, false);
    expect((await saveEdit(database.db, office, second.id, edited, null)).version).toBe(3);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'report.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'report.generate',
      'report.save',
      'report.approve',
      'report.unapprove',
      'report.save',
    ]);
  });

  it('checks a Word file against today’s data: a figure whose fact has changed is listed', async () => {
    const { draft } = await composeAnnual(database.db, COUNTY, 2024);
    const docx = await renderDraftDocx(draft);
    expect((await checkDocx(database.db, COUNTY, 2024, docx)).filter((l) => l.problem)).toEqual([]);
    const before = (await reportFacts(database.db, COUNTY, 2024)).facts.get('teachers.hired.total')?.value;
    const school = await database.db
      .selectFrom('school')
      .select('id')
      .where('county_code', '=', COUNTY)
      .where('type', '=', 'primary')
      .executeTakeFirstOrThrow();
    await hireTeacher(database.db, countyViewer('personnel', COUNTY), COUNTY, {
      idNumber: composeIdNumber(COUNTY, '2001-05-05', 88),
      name: '新教师',
      hire: {
        effective: '2024-10-08',
        schoolId: school.id,
        stage: 'primary',
        post: 'full_time_teacher',
        subject: 'math',
        channel: 'open_recruitment',
        establishment: 'in_establishment',
        education: 'bachelor',
      },
    });
    const lines = await checkDocx(database.db, COUNTY, 2024, docx);
    expect(lines.filter((l) => l.problem).map((l) => [l.factId, l.problem, l.valueNow])).toContainEqual([
      'teachers.hired.total',
      'stale',
      Number(before) + 1,
    ]);
  });

  it('renders a figure’s tag into the Word file so a reader can find its fact', async () => {
    const draft: Draft = {
      title: 't',
      blocks: [{ kind: 'paragraph', runs: [text('共'), figure('58所', 'org.schools.total', 58), text('。')] }],
    };
    const read = await readDocxFigures(await renderDraftDocx(draft));
    expect(read.figures).toEqual([
      expect.objectContaining({ factId: 'org.schools.total', textNow: '58所', value: 58 }),
    ]);
  });
});
