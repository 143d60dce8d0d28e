import { describe, expect, it } from 'vitest';
import { rosterAsOf, type TeacherEvent } from './events';
import { type SchoolRef, STATISTICS_AGE_BANDS, statFiguresFromRoster, teacherStructure } from './structure';
import { hireEvent } from './test-fixtures';

const schools: SchoolRef[] = [
  { id: 1, townshipId: 10, urbanRural: 'urban' },
  { id: 2, townshipId: 20, urbanRural: 'rural' },
  { id: 3, townshipId: 20, urbanRural: 'rural' },
];

// Ages on 2025-09-01 in the comments.
const events: TeacherEvent[] = [
  // 29 (birthday the next day); 评 一级, 聘 二级.
  hireEvent(1, '2018-09-01', '1995-09-02', 'female', { title: 'first', appointedTitle: 'second' }),
  // 40, 初中 of the same 九年一贯制 school, 硕士, 县级骨干.
  hireEvent(2, '2010-09-01', '1985-09-01', 'male', {
    stage: 'junior',
    subject: 'math',
    education: 'master',
    title: 'first',
  }),
  { kind: 'backbone', teacherId: 2, effective: '2024-09-10', level: 'county', year: 2024 },
  // 50, 专科, 评 高级 聘 一级.
  hireEvent(3, '1996-09-01', '1975-09-01', 'female', {
    schoolId: 2,
    subject: 'music',
    education: 'associate',
    title: 'senior',
    appointedTitle: 'first',
  }),
  // 56, 中师.
  hireEvent(4, '1988-09-01', '1969-01-01', 'male', {
    schoolId: 2,
    subject: 'pe',
    education: 'senior_secondary',
    title: 'first',
  }),
  // 35.
  hireEvent(5, '2014-09-01', '1990-03-03', 'female', { schoolId: 3, subject: 'art' }),
  // 代课: not 教职工.
  hireEvent(6, '2020-09-01', '1972-12-31', 'male', {
    schoolId: 3,
    education: 'associate',
    channel: 'substitute',
    establishment: 'substitute',
  }),
  // 管理: 教职工 but not 专任教师.
  hireEvent(7, '2000-09-01', '1970-05-05', 'male', { schoolId: 3, post: 'administrative', subject: null }),
  // A school missing from the list.
  hireEvent(8, '2020-09-01', '1998-01-01', 'female', { schoolId: 99 }),
];
const roster = rosterAsOf(events, '2025-09-01');

describe(teacherStructure.name, () => {
  const report = teacherStructure(roster, schools);

  it('counts 专任教师 of the county by age band, sex, education, title and subject', () => {
    expect(report.county).toEqual({
      total: 5,
      byAgeBand: { to_29: 1, '30_39': 1, '40_49': 1, '50_54': 1, '55_plus': 1 },
      bySex: { male: 2, female: 3 },
      byEducation: {
        doctorate: 0,
        master: 1,
        bachelor: 2,
        associate: 1,
        senior_secondary: 1,
        below_senior_secondary: 0,
      },
      byTitle: { senior_professor: 0, senior: 0, first: 3, second: 1, third: 0, unrated: 1 },
      bySubject: { chinese: 1, math: 1, music: 1, pe: 1, art: 1 },
      aged: 2,
      agedPercent: 40,
      // (29 + 40 + 50 + 56 + 35) ÷ 5
      averageAge: 42,
    });
    expect(report.unknownSchoolIds).toEqual([99]);
  });

  it('shows rural ageing: the share aged 50+ per 城乡类型 and township', () => {
    expect(report.byUrbanRural.urban).toMatchObject({ total: 2, aged: 0, agedPercent: 0, averageAge: 34.5 });
    expect(report.byUrbanRural.rural).toMatchObject({ total: 3, aged: 2, averageAge: 47 });
    expect(report.byUrbanRural.rural.agedPercent).toBeCloseTo(66.6667, 4);
    expect(report.byUrbanRural.town).toMatchObject({ total: 0, agedPercent: null, averageAge: null });
    expect(report.townships.map((t) => [t.townshipId, t.group.total, t.group.aged])).toEqual([
      [10, 2, 0],
      [20, 3, 2],
    ]);
    expect(report.schools.map((s) => [s.schoolId, s.group.total, s.group.agedPercent])).toEqual([
      [1, 2, 0],
      [2, 2, 100],
      [3, 1, 0],
    ]);
  });

  it('takes other bands, posts and the held title on request', () => {
    const all = teacherStructure(roster, schools, {
      ageBands: STATISTICS_AGE_BANDS,
      posts: ['full_time_teacher', 'administrative'],
      includeSubstitutes: true,
      titleBasis: 'held',
    });
    expect(all.county.total).toBe(7);
    // 29, 35, 40, 50, 52, 55, 56
    expect(all.county.byAgeBand).toEqual({
      to_24: 0,
      '25_29': 1,
      '30_34': 0,
      '35_39': 1,
      '40_44': 1,
      '45_49': 0,
      '50_54': 2,
      '55_59': 2,
      '60_plus': 0,
    });
    expect(all.county.byTitle.senior).toBe(1);
  });
});

describe(statFiguresFromRoster.name, () => {
  it('gives the 基表 teacher columns per school and 学段', () => {
    expect(statFiguresFromRoster(roster)).toEqual([
      // 评一级聘二级: not 中级 on the appointed basis.
      {
        schoolId: 1,
        stage: 'primary',
        staff: 1,
        fullTimeTeachers: 1,
        aboveQualified: 1,
        backbone: 0,
        pe: 0,
        music: 0,
        art: 0,
        midTitle: 0,
      },
      {
        schoolId: 1,
        stage: 'junior',
        staff: 1,
        fullTimeTeachers: 1,
        aboveQualified: 1,
        backbone: 1,
        pe: 0,
        music: 0,
        art: 0,
        midTitle: 1,
      },
      // 专科 is 高于规定学历 for 小学, 中师 is not.
      {
        schoolId: 2,
        stage: 'primary',
        staff: 2,
        fullTimeTeachers: 2,
        aboveQualified: 1,
        backbone: 0,
        pe: 1,
        music: 1,
        art: 0,
        midTitle: 2,
      },
      // The 管理 post is staff only; the 代课 teacher is left out.
      {
        schoolId: 3,
        stage: 'primary',
        staff: 2,
        fullTimeTeachers: 1,
        aboveQualified: 1,
        backbone: 0,
        pe: 0,
        music: 0,
        art: 1,
        midTitle: 0,
      },
      {
        schoolId: 99,
        stage: 'primary',
        staff: 1,
        fullTimeTeachers: 1,
        aboveQualified: 1,
        backbone: 0,
        pe: 0,
        music: 0,
        art: 0,
        midTitle: 0,
      },
    ]);
    expect(statFiguresFromRoster(roster, { titleBasis: 'held' })[0].midTitle).toBe(1);
  });
});
