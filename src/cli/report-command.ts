import { readFileSync, writeFileSync } from 'node:fs';
import { checkDraft } from '../domain/report/check';
import { draftFigures, draftText } from '../domain/report/draft';
import { checkDocx, composeAnnual, docxToPdf } from '../modules/reports/report-service';
import { renderDraftDocx } from '../platform/documents/gbt9704-docx';
import { AppError } from '../platform/errors';
import { openForCli, print } from './cli-context';
import type { Flags } from './commands';

const USAGE =
  '用法：report annual --county CODE --year YEAR --out FILE.docx [--pdf FILE.pdf] [--plan] [--json]\n      report check FILE.docx --county CODE --year YEAR [--json]';

function countyAndYear(flags: Flags): { countyCode: string; year: number } {
  const countyCode = typeof flags.county === 'string' ? flags.county : '';
  const year = Number(flags.year);
  if (!/^\d{6}$/.test(countyCode) || !Number.isInteger(year) || year < 2000)
    throw new AppError('VALIDATION', {
      message: 'Bad flags',
      userMessage: `需要 --county 六位行政区划代码 和 --year 四位年份\n${USAGE}`,
    });
  return { countyCode, year };
}

/** `jiaoguan report annual …` writes the summary drafted from the data; `report check …` audits an edited Word file. */
export async function reportCommand(flags: Flags, sub?: string, file?: string): Promise<number> {
  if (sub !== 'annual' && sub !== 'check')
    throw new AppError('VALIDATION', { message: 'Unknown subcommand', userMessage: USAGE });
  const { countyCode, year } = countyAndYear(flags);
  const database = await openForCli({ dataDir: flags['data-dir'] as string | undefined });
  try {
    if (sub === 'annual') {
      const out = typeof flags.out === 'string' ? flags.out : '';
      if (!out.endsWith('.docx'))
        throw new AppError('VALIDATION', { message: '--out', userMessage: `--out 须为 .docx 文件\n${USAGE}` });
      const { draft, problems, facts } = await composeAnnual(database.db, countyCode, year, { withPlan: !!flags.plan });
      const docx = await renderDraftDocx(draft);
      writeFileSync(out, docx);
      if (typeof flags.pdf === 'string') writeFileSync(flags.pdf, await docxToPdf(docx));
      const json = {
        county: countyCode,
        year,
        title: draft.title,
        blocks: draft.blocks.map((block, index) => ({
          index,
          kind: block.kind,
          ...('level' in block ? { level: block.level } : {}),
          text: draftText({ title: draft.title, blocks: [block] })[0],
        })),
        figures: draftFigures(draft).map((r) => ({
          factId: r.fact.factId,
          value: r.fact.value,
          text: r.text,
          label: facts.get(r.fact.factId.replace(/#threshold$/, ''))?.label ?? null,
        })),
        problems: problems.map((p) => p.id),
        untaggedNumbers: checkDraft(draft, facts).untagged,
      };
      print(
        !!flags.json,
        json,
        `已生成：${out}${typeof flags.pdf === 'string' ? `，${flags.pdf}` : ''}（${json.figures.length}处数字均可追溯到数据；存在问题${problems.length}条）`,
      );
      return 0;
    }
    if (!file) throw new AppError('VALIDATION', { message: 'file', userMessage: USAGE });
    const lines = await checkDocx(database.db, countyCode, year, readFileSync(file));
    const bad = lines.filter((l) => l.problem !== null);
    const reason = {
      edited: '被手工改动',
      stale: '数据已更新',
      missing: '数字已删除或重打（失去来源）',
      unknown: '来源不明',
    } as const;
    const text = bad.length
      ? bad
          .map(
            (l) =>
              `${l.factId || l.bookmark}\t文中“${l.textNow || l.renderedValue}”\t${reason[l.problem!]}${l.problem === 'stale' ? `（生成时${l.value}，现为${l.valueNow}）` : ''}`,
          )
          .join('\n')
      : `全部${lines.length}处数字与数据一致`;
    print(!!flags.json, { file, checked: lines.length, mismatched: bad }, text);
    return bad.length ? 1 : 0;
  } finally {
    await database.close();
  }
}
