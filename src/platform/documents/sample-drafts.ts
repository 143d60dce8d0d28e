import { type Draft, figure, text } from '../../domain/report/draft';

/** A short 工作总结 with every block kind and several figures: the fixture of the documents tests. */
export function sampleSummaryDraft(): Draft {
  return {
    title: '沁源县教育局2025年工作总结和2026年工作计划',
    blocks: [
      { kind: 'title', runs: [text('沁源县教育局2025年工作总结'), text('\n和2026年工作计划')] },
      {
        kind: 'paragraph',
        runs: [
          text('2025年，在县委、县政府的坚强领导和上级教育部门的有力指导下，全县教育系统坚持立德树人根本任务，'),
          text('推进义务教育优质均衡发展，各项工作取得新成效。现将有关情况报告如下。'),
        ],
      },
      { kind: 'heading', level: 1, runs: [text('一、2025年工作成效')] },
      {
        kind: 'paragraph',
        lead: { level: 2, runs: [text('（一）坚持党建引领，办学方向更加坚定。')] },
        runs: [
          text('全县有各级各类学校'),
          figure('96', 'school.count.2025', 96),
          text('所，在校学生'),
          figure('34915', 'student.enrolled.2025', 34915),
          text('人。召开警示教育会'),
          figure('73', 'party.warning_meetings.2025', 73),
          text('场次，扎实开展党纪学习教育，清廉学校建设实现全覆盖。'),
        ],
      },
      {
        kind: 'paragraph',
        lead: { level: 2, runs: [text('（二）推进优质均衡，资源配置持续优化。')] },
        runs: [
          text('新增义务教育学位'),
          figure('320', 'degree.new.2025', 320),
          text('个，普惠性幼儿园覆盖率达'),
          figure('89.55%', 'preschool.inclusive_rate.2025', 0.89553),
          text('，比上年提高'),
          figure('1.6', 'preschool.inclusive_rate.delta.2025', 0.016),
          text('个百分点。'),
        ],
      },
      { kind: 'heading', level: 2, runs: [text('（三）落实资助政策，民生保障扎实有力')] },
      { kind: 'heading', level: 3, runs: [text('1.学生资助')] },
      {
        kind: 'paragraph',
        runs: [
          text('全年发放资助资金'),
          figure('3381.88万元', 'aid.amount.2025', 33818800),
          text('，惠及学生'),
          figure('51972', 'aid.recipients.2025', 51972),
          text('人次，做到应助尽助。'),
        ],
      },
      { kind: 'heading', level: 4, runs: [text('（1）营养改善计划')] },
      {
        kind: 'paragraph',
        runs: [text('农村义务教育学生营养改善计划覆盖全部农村学校，每生每天补助5元，全年按200天计。')],
      },
      { kind: 'heading', level: 1, runs: [text('二、存在的问题')] },
      {
        kind: 'paragraph',
        runs: [
          text('虽然取得了一定成绩，但对照优质均衡要求，仍存在一些短板：一是小学生均体育运动场馆面积差异系数为'),
          figure('0.562', 'balance.cv.primary.l5.2025', 0.56213),
          text('，高于0.50的标准；二是音体美专任教师结构性缺编；三是城区学校大班额问题尚未彻底解决。'),
        ],
      },
      { kind: 'signature', issuer: '沁源县教育局', date: '2026-01-05' },
    ],
  };
}

export const FILLER =
  '全县教育系统坚持以习近平新时代中国特色社会主义思想为指导全面贯彻党的教育方针落实立德树人根本任务深化教育综合改革' +
  '推进义务教育优质均衡发展和城乡一体化持续加强教师队伍建设努力办好人民满意的教育';

/**
 * Just over two pages of unpunctuated CJK body text under a short title: page 2 is all full lines, so it shows the
 * grid (22 lines of 28 characters) without punctuation line-breaking rules getting in the way.
 */
export function gridMeasurementDraft(): Draft {
  const paragraph = FILLER.repeat(3);
  return {
    title: '版心测量',
    blocks: [
      { kind: 'title', runs: [text('版心测量')] },
      ...Array.from({ length: 4 }, () => ({ kind: 'paragraph' as const, runs: [text(paragraph)] })),
    ],
  };
}
