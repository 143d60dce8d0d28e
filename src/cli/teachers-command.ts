import { RECRUITMENT_CHANNELS, SUBJECTS, TRAINING_LEVELS } from '../domain/teachers/vocab';
import { teacherSummary } from '../modules/teachers/teachers-summary';
import { AppError } from '../platform/errors';
import { cliViewer, openForCli, print } from './cli-context';
import type { Flags } from './commands';

const share = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);

/** `jiaoguan teachers summary --county CODE --year YEAR [--json]`: the year's teacher figures a report quotes. */
export async function teachersCommand(flags: Flags, sub?: string): Promise<number> {
  if (sub !== 'summary')
    throw new AppError('VALIDATION', {
      message: 'Unknown subcommand',
      userMessage: '用法：teachers summary --county CODE --year YEAR [--json]',
    });
  const countyCode = typeof flags.county === 'string' ? flags.county : '';
  const year = Number(flags.year);
  if (!/^\d{6}$/.test(countyCode) || !Number.isInteger(year) || year < 2000)
    throw new AppError('VALIDATION', {
      message: 'Bad flags',
      userMessage: '需要 --county 六位行政区划代码 和 --year 四位年份',
    });
  const database = await openForCli({ dataDir: flags['data-dir'] as string | undefined });
  try {
    const s = await teacherSummary(database.db, cliViewer().scope, countyCode, year);
    const json = {
      county: countyCode,
      year,
      asOf: s.asOf,
      totals: s.totals,
      hiredByChannel: s.changes.hiresByChannel,
      transfersByKind: s.changes.transfersByKind,
      changes: s.changes.byKind,
      ethicsUnqualified: s.changes.ethicsUnqualified,
      training: s.training,
      structure: {
        county: s.structure.county,
        byUrbanRural: s.structure.byUrbanRural,
        townships: s.structure.townships,
      },
      shortages: { totals: s.shortages.totals, schoolsWithNone: s.shortages.schoolsWithNone },
      staffing: {
        shortage: s.staffing.shortage,
        surplus: s.staffing.surplus,
        understaffed: s.staffing.lines.filter((l) => l.shortage > 0),
      },
      retirements: {
        periods: s.retirements.periods,
        bySubject: s.retirements.bySubject,
        replacementPlan: s.retirements.replacementPlan,
      },
    };
    const hires = Object.entries(s.changes.hiresByChannel)
      .map(([channel, n]) => `${RECRUITMENT_CHANNELS[channel as keyof typeof RECRUITMENT_CHANNELS]}${n}人`)
      .join('，');
    const levels = Object.entries(s.training.byLevel)
      .filter(([, t]) => t.personTimes > 0)
      .map(
        ([level, t]) => `${TRAINING_LEVELS[level as keyof typeof TRAINING_LEVELS]}${t.personTimes}人次${t.hours}学时`,
      )
      .join('，');
    const none = s.shortages.totals
      .filter((t) => t.schoolsWithNone > 0)
      .map((t) => `${SUBJECTS[t.subject].label}（${t.stage === 'primary' ? '小学' : '初中'}）${t.schoolsWithNone}所`)
      .join('，');
    const text = [
      `${year}年教师队伍（统计日 ${s.asOf}）`,
      `在职教职工${s.totals.employed}人，其中专任教师${s.totals.fullTime}人，县级及以上骨干教师${s.totals.backbone}人`,
      `新补充：${hires || '无'}`,
      `培训：${s.training.personTimes}人次、${s.training.hours}学时（${levels || '无'}），专任教师参训覆盖率${share(s.training.coveragePercent)}`,
      `50岁以上专任教师占比：全县${share(s.structure.county.agedPercent)}，城区${share(s.structure.byUrbanRural.urban.agedPercent)}，镇区${share(s.structure.byUrbanRural.town.agedPercent)}，乡村${share(s.structure.byUrbanRural.rural.agedPercent)}`,
      `没有专任教师的学科：${none || '无'}`,
      `按编制标准缺编${s.staffing.shortage}人`,
      `未来五年到龄退休：${s.retirements.periods.map((p) => `第${p.period}年${p.retirees}人`).join('，')}`,
    ].join('\n');
    print(!!flags.json, json, text);
    return 0;
  } finally {
    await database.close();
  }
}
