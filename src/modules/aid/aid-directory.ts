import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { SchoolInTerm } from '../../domain/aid/records';
import type { SchoolType } from '../../domain/org/school-types';
import { type Term, termRange } from '../../domain/period';

export interface AidSchool {
  id: number;
  code: string;
  name: string;
  townshipId: number;
  townshipName: string;
}

/** The county's schools for the aid checks and totals, with their history. */
export interface AidDirectory {
  byCode: Map<string, AidSchool>;
  byId: Map<number, AidSchool>;
  /**
   * The school as it stood in a term: open when it taught during some part of it (a school closed in July still paid
   * its spring-term pupils; one merged on 1 September pays nobody in the autumn term).
   */
  inTerm(code: string, term: Term): SchoolInTerm | undefined;
  /** The township (乡镇/学区) name of a county school; undefined for schools outside the county (universities). */
  townshipOf(code: string): string | undefined;
}

export async function loadAidDirectory(db: Kysely<DB>, countyCode: string): Promise<AidDirectory> {
  const [schools, versions] = await Promise.all([
    db
      .selectFrom('school')
      .innerJoin('township', 'township.id', 'school.township_id')
      .select(['school.id', 'school.code', 'school.name', 'school.type', 'school.township_id', 'township.name as tn'])
      .where('school.county_code', '=', countyCode)
      .execute(),
    db
      .selectFrom('school_version')
      .select(['school_id', 'valid_from', 'valid_to', 'name', 'type', 'status'])
      .where('county_code', '=', countyCode)
      .orderBy('valid_from')
      .execute(),
  ]);
  const byCode = new Map<string, AidSchool>();
  const byId = new Map<number, AidSchool>();
  const types = new Map<number, SchoolType>();
  for (const s of schools) {
    const school = { id: s.id, code: s.code, name: s.name, townshipId: s.township_id, townshipName: s.tn };
    byCode.set(s.code, school);
    byId.set(s.id, school);
    types.set(s.id, s.type as SchoolType);
  }
  const history = new Map<number, typeof versions>();
  for (const v of versions) history.set(v.school_id, [...(history.get(v.school_id) ?? []), v]);
  const cache = new Map<string, SchoolInTerm | undefined>();
  return {
    byCode,
    byId,
    inTerm(code, term) {
      const key = `${code}|${term.year}|${term.season}`;
      if (cache.has(key)) return cache.get(key);
      const school = byCode.get(code.trim());
      let found: SchoolInTerm | undefined;
      if (school) {
        const { from, to } = termRange(term);
        const open = (history.get(school.id) ?? []).filter(
          (v) => v.status === 'open' && v.valid_from <= to && (v.valid_to === null || v.valid_to > from),
        );
        const version = open.at(-1);
        found = version
          ? { code: school.code, name: version.name, type: version.type as SchoolType, open: true }
          : { code: school.code, name: school.name, type: types.get(school.id)!, open: false };
      }
      cache.set(key, found);
      return found;
    },
    townshipOf: (code) => byCode.get(code)?.townshipName,
  };
}
