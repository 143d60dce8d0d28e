import { URBAN_RURAL } from '../../domain/org/school-types';
import { SHORTAGE_SUBJECTS } from '../../domain/teachers/shortage';
import { RECRUITMENT_CHANNELS, SUBJECTS, TRAINING_LEVELS, TRANSFER_KINDS } from '../../domain/teachers/vocab';
import type { Fact, FactProvider } from '../../platform/facts/facts';
import { teacherSummary } from './teachers-summary';

/**
 * Facts of 教师队伍 for a calendar year, counted on its last day (or today during the year): the roster, hires by
 * channel, transfers, training, ageing by 城乡, subject shortages, staffing and retirements due.
 */
export const teacherFacts: FactProvider = {
  module: 'teachers',
  async facts(db, { countyCode, countyName, year }) {
    const hasRoster = await db
      .selectFrom('teacher')
      .select('id')
      .where('county_code', '=', countyCode)
      .limit(1)
      .execute();
    if (!hasRoster.length) return [];
    const s = await teacherSummary(db, { level: 'county', countyCode }, countyCode, year);
    const base = {
      period: { kind: 'year' as const, year },
      scope: { level: 'county' as const, id: countyCode, name: countyName },
    };
    const facts: Fact[] = [];
    const add = (
      id: string,
      label: string,
      unit: string,
      value: number | null,
      formula: string,
      href: string,
      detail?: Record<string, unknown>,
    ) => facts.push({ ...base, id, label, unit, value, formula, href, ...(detail ? { detail } : {}) });

    add(
      'teachers.employed',
      '在职教职工数',
      '人',
      s.totals.employed,
      `${s.asOf}名册中在职的教职工（不含代课）`,
      '/teachers',
    );
    add(
      'teachers.full_time',
      '专任教师数',
      '人',
      s.totals.fullTime,
      `${s.asOf}名册中在职的专任教师（不含代课）`,
      '/teachers?post=full_time_teacher',
    );
    add(
      'teachers.backbone',
      '县级及以上骨干教师数',
      '人',
      s.totals.backbone,
      `${s.asOf}认定在有效期内的县级及以上骨干教师`,
      '/teachers?backbone=1',
    );

    const hired = Object.values(s.changes.hiresByChannel).reduce((t, n) => t + (n ?? 0), 0);
    add('teachers.hired.total', '新补充教师数', '人', hired, `${year}年入职事件数`, `/teachers?hiredIn=${year}`);
    for (const channel of Object.keys(RECRUITMENT_CHANNELS) as (keyof typeof RECRUITMENT_CHANNELS)[])
      add(
        `teachers.hired.${channel}`,
        `${RECRUITMENT_CHANNELS[channel]}补充教师数`,
        '人',
        s.changes.hiresByChannel[channel] ?? 0,
        `${year}年以“${RECRUITMENT_CHANNELS[channel]}”渠道入职的人数`,
        `/teachers?hiredIn=${year}&channel=${channel}`,
      );
    const transfers = Object.values(s.changes.transfersByKind).reduce((t, n) => t + (n ?? 0), 0);
    add(
      'teachers.transfers.total',
      '教师调动人次',
      '人次',
      transfers,
      `${year}年调动事件数`,
      `/teachers-analysis?year=${year}`,
    );
    for (const kind of Object.keys(TRANSFER_KINDS) as (keyof typeof TRANSFER_KINDS)[])
      add(
        `teachers.transfers.${kind}`,
        `${TRANSFER_KINDS[kind]}人次`,
        '人次',
        s.changes.transfersByKind[kind] ?? 0,
        `${year}年以“${TRANSFER_KINDS[kind]}”方式调动的人次`,
        `/teachers-analysis?year=${year}`,
      );
    add(
      'teachers.retired',
      '退休教职工数',
      '人',
      s.changes.byKind.retirement ?? 0,
      `${year}年退休事件数`,
      '/teachers?status=left',
    );
    add(
      'teachers.ethics.unqualified',
      '师德考核不合格人数',
      '人',
      s.changes.ethicsUnqualified,
      `${year}年度师德考核结果为不合格的人数`,
      `/teachers-analysis?year=${year}`,
    );
    add(
      'teachers.honors.total',
      '教师获表彰人次',
      '人次',
      s.changes.byKind.honor ?? 0,
      `${year}年登记的表彰奖励`,
      `/teachers-analysis?year=${year}`,
    );

    const t = s.training;
    add(
      'teachers.training.person_times',
      '教师培训人次',
      '人次',
      t.personTimes,
      `${year}年结束的培训项目的参训记录数`,
      `/training?year=${year}`,
    );
    add(
      'teachers.training.hours',
      '教师培训学时',
      '学时',
      t.hours,
      `${year}年参训记录的获得学时之和`,
      `/training?year=${year}`,
    );
    add(
      'teachers.training.coverage',
      '专任教师参训覆盖率',
      '%',
      t.coveragePercent,
      '当年至少参加一次培训的在职专任教师 ÷ 在职专任教师 × 100%',
      `/training?year=${year}`,
    );
    for (const level of Object.keys(TRAINING_LEVELS) as (keyof typeof TRAINING_LEVELS)[]) {
      add(
        `teachers.training.${level}.person_times`,
        `${TRAINING_LEVELS[level]}人次`,
        '人次',
        t.byLevel[level].personTimes,
        `${year}年${TRAINING_LEVELS[level]}项目参训记录数`,
        `/training?year=${year}&level=${level}`,
      );
    }

    const st = s.structure;
    add(
      'teachers.aged50.share.county',
      '50岁以上专任教师占比',
      '%',
      st.county.agedPercent,
      '年满50周岁的在职专任教师 ÷ 在职专任教师 × 100%',
      `/teachers-analysis?year=${year}`,
      { aged: st.county.aged, total: st.county.total, averageAge: st.county.averageAge },
    );
    for (const area of Object.keys(URBAN_RURAL) as (keyof typeof URBAN_RURAL)[]) {
      const g = st.byUrbanRural[area];
      add(
        `teachers.aged50.share.${area}`,
        `${URBAN_RURAL[area]}学校50岁以上专任教师占比`,
        '%',
        g.agedPercent,
        `${URBAN_RURAL[area]}学校年满50周岁的专任教师 ÷ 该类学校专任教师 × 100%`,
        `/teachers-analysis?year=${year}`,
        { aged: g.aged, total: g.total, averageAge: g.averageAge },
      );
    }

    for (const subject of SHORTAGE_SUBJECTS) {
      const totals = s.shortages.totals.filter((x) => x.subject === subject);
      const none = s.shortages.schoolsWithNone.filter((x) => x.subject === subject);
      const label = SUBJECTS[subject].label;
      add(
        `teachers.shortage.fte.${subject}`,
        `${label}教师缺口`,
        '人',
        totals.reduce((sum, x) => sum + x.shortageFte, 0),
        `按课时计划计算的${label}教师需求减现有${label}专任教师（各校缺口之和，多余不抵补）`,
        `/teachers-analysis?year=${year}#shortage`,
      );
      add(
        `teachers.shortage.schools_with_none.${subject}`,
        `没有${label}专任教师的学校数`,
        '所',
        new Set(none.map((x) => x.schoolId)).size,
        `开设${label}课但没有${label}专任教师的中小学`,
        `/teachers-analysis?year=${year}#shortage`,
        { schools: [...new Set(none.map((x) => x.schoolName))] },
      );
    }
    add(
      'teachers.staffing.shortage',
      '按编制标准缺编人数',
      '人',
      s.staffing.shortage,
      '各校各学段按编制标准应配教职工（向上取整）减实有教职工之和（超编不抵补）',
      `/teachers-analysis?year=${year}#staffing`,
    );
    add(
      'teachers.retiring.next1',
      '一年内到龄退休人数',
      '人',
      s.retirements.periods[0]?.retirees ?? 0,
      `${s.asOf}起一年内达到法定退休年龄的在职教职工（按渐进式延迟退休规定）`,
      `/teachers-analysis?year=${year}#retirement`,
    );
    add(
      'teachers.retiring.next5',
      '五年内到龄退休人数',
      '人',
      s.retirements.retiring.length,
      `${s.asOf}起五年内达到法定退休年龄的在职教职工`,
      `/teachers-analysis?year=${year}#retirement`,
      {
        bySubject: s.retirements.bySubject.map((b) => ({
          subject: b.subject ? SUBJECTS[b.subject].label : '无学科',
          total: b.total,
        })),
      },
    );
    return facts;
  },
};
