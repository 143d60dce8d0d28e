/**
 * Test data builders for the aid tests: valid ID numbers, a small county directory and beneficiary rows. Used by
 * tests only; it lives beside them because it is pure and shared by several test files.
 */
import { composeIdNumber } from '../codes/id-card';
import type { SchoolType } from '../org/school-types';
import type { Term } from '../period';
import type { BeneficiaryRow, SchoolInTerm } from './records';
import { compareTerms } from './standards';

export const SPRING_2023: Term = { year: 2023, season: 'spring' };
export const AUTUMN_2023: Term = { year: 2023, season: 'autumn' };
export const TODAY = new Date('2024-01-15T00:00:00Z');

/** A valid 沁县 (140430) ID number, distinct for every serial below 336,000 and any birth year. */
export function makeIdNumber(serial: number, birthYear: number): string {
  const day = (serial % 28) + 1;
  const month = (Math.floor(serial / 28) % 12) + 1;
  const sequence = Math.floor(serial / 336) % 1000;
  return composeIdNumber('140430', `${birthYear}-${pad(month, 2)}-${pad(day, 2)}`, sequence);
}

/** A county directory: code → school, with a township for each, and a set of schools closed from a term on. */
export interface Directory {
  schools: Map<string, SchoolInTerm & { township: string }>;
  closedFrom: Map<string, Term>;
}

export function makeDirectory(
  entries: readonly { code: string; name: string; type: SchoolType; township: string; closedFrom?: Term }[],
): Directory {
  const directory: Directory = { schools: new Map(), closedFrom: new Map() };
  for (const entry of entries) {
    directory.schools.set(entry.code, {
      code: entry.code,
      name: entry.name,
      type: entry.type,
      open: true,
      township: entry.township,
    });
    if (entry.closedFrom) directory.closedFrom.set(entry.code, entry.closedFrom);
  }
  return directory;
}

/** The `school` lookup of a check context for a directory. */
export function schoolLookup(directory: Directory): (code: string, term: Term) => SchoolInTerm | undefined {
  return (code, term) => {
    const school = directory.schools.get(code);
    if (!school) return undefined;
    const closed = directory.closedFrom.get(code);
    const open = !closed || compareTerms(term, closed) < 0;
    return { code: school.code, name: school.name, type: school.type, open };
  };
}

/** A row with defaults; override what the test is about. */
export function makeRow(overrides: Partial<BeneficiaryRow> & Pick<BeneficiaryRow, 'row'>): BeneficiaryRow {
  return {
    term: AUTUMN_2023,
    programId: 'boarding_subsidy',
    schoolCode: '2114043001',
    name: '张三',
    idNumber: makeIdNumber(overrides.row, 2013),
    grade: '五年级',
    className: '1班',
    categories: ['poverty_alleviated'],
    hardshipLevel: 'hardship',
    amount: '500',
    ...overrides,
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
