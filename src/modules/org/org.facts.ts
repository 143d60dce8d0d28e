import { SCHOOL_TYPES, type SchoolType } from '../../domain/org/school-types';
import type { Fact, FactProvider } from '../../platform/facts/facts';
import { statisticsDate } from '../stats/stat-context';
import { schoolCountsAsOf } from './org.repository';

/** School counts on the 学年's statistics date, in total and by type (教学点 counted apart from schools). */
export const orgFacts: FactProvider = {
  module: 'org',
  async facts(db, { countyCode, countyName, year }) {
    const date = statisticsDate(year);
    const counts = await schoolCountsAsOf(db, { level: 'county', countyCode }, countyCode, date);
    const base = {
      period: { kind: 'school_year' as const, schoolYear: year },
      scope: { level: 'county' as const, id: countyCode, name: countyName },
      href: `/schools?asOf=${date}`,
    };
    const points = counts.byType.teaching_point ?? 0;
    const facts: Fact[] = [
      {
        ...base,
        id: 'org.schools.total',
        label: '各级各类学校（幼儿园）数',
        unit: '所',
        value: counts.total - points,
        formula: `${date}在办的幼儿园、中小学、中职、特教学校数（不含教学点）`,
      },
    ];
    for (const type of Object.keys(SCHOOL_TYPES) as SchoolType[]) {
      facts.push({
        ...base,
        id: `org.schools.${type}`,
        label: `${SCHOOL_TYPES[type].fullLabel}数`,
        unit: type === 'teaching_point' ? '个' : '所',
        value: counts.byType[type] ?? 0,
        formula: `${date}在办的${SCHOOL_TYPES[type].fullLabel}数`,
        href: `/schools?asOf=${date}&type=${type}`,
      });
    }
    return facts;
  },
};
