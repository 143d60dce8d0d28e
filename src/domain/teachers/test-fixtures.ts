/** Builders shared by the tests of this folder. */
import { composeIdNumber } from '../codes/id-card';
import type { HireEvent } from './events';
import type { Sex } from './vocab';

/** A valid 18-digit ID number for a birth date ('YYYY-MM-DD') and sex; `serial` (0–499) keeps numbers distinct. */
export function idNumberFor(birthDate: string, sex: Sex, serial = 0): string {
  return composeIdNumber('110105', birthDate, serial * 2 + (sex === 'male' ? 1 : 0));
}

/** A hire of a 在编 专任教师 (公开招聘, 本科, 语文, 小学) with any field overridden. */
export function hireEvent(
  teacherId: number,
  effective: string,
  birthDate: string,
  sex: Sex,
  overrides: Partial<HireEvent> = {},
): HireEvent {
  return {
    kind: 'hire',
    teacherId,
    effective,
    name: `教师${teacherId}`,
    idNumber: idNumberFor(birthDate, sex, teacherId % 500),
    schoolId: 1,
    stage: 'primary',
    post: 'full_time_teacher',
    subject: 'chinese',
    channel: 'open_recruitment',
    establishment: 'in_establishment',
    education: 'bachelor',
    ...overrides,
  };
}
