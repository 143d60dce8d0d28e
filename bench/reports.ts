import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { createDemoCounty } from '../src/demo/create-demo';
import { DEMO_COUNTY } from '../src/demo/demo-county';
import { draftFigures } from '../src/domain/report/draft';
import { registerModules } from '../src/modules';
import { composeAnnual, docxToPdf } from '../src/modules/reports/report-service';
import { renderDraftDocx } from '../src/platform/documents/gbt9704-docx';
import { seedProvince } from './province';
import type { BenchResult } from './report';

const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One county's summary: facts of two years, composition and the Word file; seconds for each part. */
async function oneCounty(db: Parameters<typeof composeAnnual>[0], county: string) {
  let t = performance.now();
  const { draft } = await composeAnnual(db, county, 2024, { date: '2025-01-10' });
  const compose = (performance.now() - t) / 1000;
  t = performance.now();
  const docx = await renderDraftDocx(draft);
  const render = (performance.now() - t) / 1000;
  return { compose, render, docx, figures: draftFigures(draft).length };
}

/** Benchmark (issue 6): the annual summary for the demo county, and for every county of a province. */
export async function reportBench(): Promise<BenchResult> {
  registerModules();
  const dir = mkdtempSync(join(tmpdir(), 'jiaoguan-bench-reports-'));
  try {
    // The demo county has every module's data (基表, roster, aid): the full report, DOCX and PDF.
    const demo = await openDatabase({ dataDir: join(dir, 'demo') });
    await migrateToLatest(demo.db);
    await createDemoCounty(demo.db);
    const cold = await oneCounty(demo.db, DEMO_COUNTY.code);
    const warm = await oneCounty(demo.db, DEMO_COUNTY.code);
    let t = performance.now();
    const pdf = await docxToPdf(warm.docx);
    const pdfSeconds = (performance.now() - t) / 1000;
    await demo.close();

    // The province: 基表 and populations for 100 counties × 300 schools; indicators computed on first use.
    const province = await openDatabase({ dataDir: join(dir, 'province') });
    await migrateToLatest(province.db);
    const counties = await seedProvince(province.db, COUNTIES);
    const perCounty: number[] = [];
    t = performance.now();
    let figures = 0;
    for (const county of counties) {
      const started = performance.now();
      figures += (await oneCounty(province.db, county)).figures;
      perCounty.push((performance.now() - started) / 1000);
    }
    const provinceSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    for (const county of counties) await oneCounty(province.db, county);
    const provinceWarmSeconds = (performance.now() - t) / 1000;
    await province.close();

    const json = {
      demo: {
        coldSeconds: Number((cold.compose + cold.render).toFixed(2)),
        warmComposeSeconds: Number(warm.compose.toFixed(3)),
        warmDocxSeconds: Number(warm.render.toFixed(3)),
        pdfSeconds: Number(pdfSeconds.toFixed(2)),
        figures: warm.figures,
        docxBytes: warm.docx.length,
        pdfBytes: pdf.length,
      },
      province: {
        counties: counties.length,
        firstRunSeconds: Number(provinceSeconds.toFixed(1)),
        medianPerCountySeconds: Number(median(perCounty).toFixed(3)),
        warmRunSeconds: Number(provinceWarmSeconds.toFixed(1)),
        figures,
      },
    };
    return {
      name: 'reports',
      json,
      tables: [
        {
          title: '年度工作总结生成（演示县：基表、教师名册、资助数据齐全；PGlite 磁盘目录）',
          header: [
            '首次（含指标计算） 秒',
            '组稿 秒',
            '生成 Word 秒',
            '转 PDF 秒',
            '可追溯数字',
            'Word 字节',
            'PDF 字节',
          ],
          rows: [
            [
              json.demo.coldSeconds,
              json.demo.warmComposeSeconds,
              json.demo.warmDocxSeconds,
              json.demo.pdfSeconds,
              json.demo.figures,
              json.demo.docxBytes,
              json.demo.pdfBytes,
            ],
          ],
        },
        {
          title: `全省${counties.length}个县逐县生成年度工作总结 Word（基表与人口数据；PGlite 磁盘目录）`,
          header: ['县数', '首次全部 秒（含指标计算）', '每县中位数 秒', '再次全部 秒', '可追溯数字合计'],
          rows: [
            [
              counties.length,
              json.province.firstRunSeconds,
              json.province.medianPerCountySeconds,
              json.province.warmRunSeconds,
              figures,
            ],
          ],
        },
      ],
      met: true,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
