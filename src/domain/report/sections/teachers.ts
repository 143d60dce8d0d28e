/**
 * 教师队伍: hires by channel and retirements (seed 000: "新招聘特岗教师30名，“三支一扶”教师14名，引进高层次人才7名";
 * seed 001: "严格落实“退一补一”政策"), transfers, training in 人次 with approximate totals (seed 001: "累计培训教师
 * 1.4万余人次"), backbone teachers, honours and 师德, from the teachers module's facts of the calendar year.
 */
import type { NumericFact, ReportContext, ReportSection } from '../context';
import { type Block, type Run, text } from '../draft';
import { approximateRun, countChangeRun, countRun, joinRuns, mergePlainRuns, rateRun } from '../figures';

// Channels named in a report, each with the verb the seeds use; the channels of one verb share it ("新招聘特岗教师
// 30名，“三支一扶”教师14名"). 代课, 县外调入 and 其他 are counted in the total only.
const HIRE_CHANNELS: readonly [verb: string, channels: readonly [channel: string, words: string][]][] = [
  ['公开招聘', [['open_recruitment', '教师']]],
  [
    '新招聘',
    [
      ['special_post', '特岗教师'],
      ['three_supports', '“三支一扶”教师'],
      ['dispatch', '劳务派遣教师'],
    ],
  ],
  ['接收', [['funded_normal_student', '公费师范生']]],
  ['引进', [['talent_introduction', '高层次人才']]],
];

const TRANSFER_KINDS: readonly [kind: string, words: string][] = [
  ['exchange_rotation', '城乡教师交流轮岗'],
  ['county_managed', '“县管校聘”竞聘调整'],
  ['turnover_pool', '通过“教师周转池”安置'],
];

const TRAINING_LEVELS: readonly [level: string, words: string][] = [
  ['national', '国培'],
  ['provincial', '省培'],
  ['city', '市培'],
  ['county', '县培'],
  ['school_based', '校本研修'],
];

export const teachersSection: ReportSection = {
  id: 'teachers',
  order: 30,
  title: () => '加强教师队伍建设，队伍素质持续提升',
  compose(ctx) {
    const paragraphs = [supply(ctx), transfers(ctx), training(ctx), excellence(ctx)].filter((runs) => runs.length > 0);
    if (paragraphs.length === 0) return null;
    return paragraphs.map((runs): Block => ({ kind: 'paragraph', runs: mergePlainRuns(runs) }));
  },
};

const positive = (ctx: ReportContext, id: string): NumericFact | undefined => {
  const fact = ctx.fact(id);
  return fact && fact.value > 0 ? fact : undefined;
};

const withChange = (ctx: ReportContext, fact: NumericFact, unit?: string): Run[] => {
  const change = countChangeRun(ctx, fact, unit);
  return change ? [text('，'), change] : [];
};

function supply(ctx: ReportContext): Run[] {
  const total = positive(ctx, 'teachers.hired.total');
  const retired = positive(ctx, 'teachers.retired');
  if (!total && !retired) return [];
  const runs: Run[] = [text('完善教师补充机制，严格落实“退一补一”政策')];
  if (retired) runs.push(text('，全年退休教职工'), countRun(retired));
  if (total) {
    runs.push(text('，新补充教师'), countRun(total), ...withChange(ctx, total));
    const channels = HIRE_CHANNELS.flatMap(([verb, group]) => {
      const present = group.flatMap(([channel, words]) => {
        const fact = positive(ctx, `teachers.hired.${channel}`);
        return fact ? [[text(words), countRun(fact, '名')]] : [];
      });
      if (present.length > 0) present[0] = [text(verb), ...present[0]];
      return present;
    });
    if (channels.length > 0) runs.push(text('。其中，'), ...joinRuns(channels, '，'));
  }
  runs.push(text('。'));
  return runs;
}

function transfers(ctx: ReportContext): Run[] {
  const kinds = TRANSFER_KINDS.flatMap(([kind, words]) => {
    const fact = positive(ctx, `teachers.transfers.${kind}`);
    return fact ? [[text(words), countRun(fact)]] : [];
  });
  if (kinds.length === 0) return [];
  return [
    text('深化“县管校聘”管理改革，推动优秀教师向乡村学校、薄弱学校流动，全年'),
    ...joinRuns(kinds, '，'),
    text('。'),
  ];
}

function training(ctx: ReportContext): Run[] {
  const personTimes = positive(ctx, 'teachers.training.person_times');
  if (!personTimes) return [];
  const runs: Run[] = [text('强化教师业务培训，全年累计培训教师'), approximateRun(personTimes)];
  const hours = positive(ctx, 'teachers.training.hours');
  if (hours) runs.push(text('、'), approximateRun(hours));
  const levels = TRAINING_LEVELS.flatMap(([level, words]) => {
    const fact = positive(ctx, `teachers.training.${level}.person_times`);
    return fact ? [[text(words), countRun(fact)]] : [];
  });
  if (levels.length > 0) runs.push(text('，其中参加'), ...joinRuns(levels));
  const change = countChangeRun(ctx, personTimes);
  if (change) runs.push(text('，培训人次'), change);
  const coverage = ctx.fact('teachers.training.coverage');
  if (coverage) runs.push(text('，专任教师参训覆盖率达'), rateRun(coverage));
  runs.push(text('。'));
  return runs;
}

function excellence(ctx: ReportContext): Run[] {
  const runs: Run[] = [];
  const backbone = positive(ctx, 'teachers.backbone');
  const honors = positive(ctx, 'teachers.honors.total');
  if (backbone || honors) {
    runs.push(text('实施名师培养工程'));
    if (backbone)
      runs.push(text(`，全${ctx.area}县级及以上骨干教师达`), countRun(backbone), ...withChange(ctx, backbone));
    if (honors) runs.push(text('，全年教师获各级表彰奖励'), countRun(honors));
    runs.push(text('。'));
  }
  const unqualified = ctx.fact('teachers.ethics.unqualified');
  if (unqualified) {
    runs.push(text('加强师德师风建设，严格落实师德考核“一票否决”制度'));
    if (unqualified.value > 0) runs.push(text('，年度师德考核不合格'), countRun(unqualified));
    runs.push(text('。'));
  }
  return runs;
}
