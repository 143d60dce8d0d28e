import type { TeacherEvent } from '../../domain/teachers/events';

/** A teacher_event row as stored: the school columns are lifted out of the details for scoping and joins. */
export interface EventRow {
  id?: number;
  teacher_id: number;
  kind: string;
  effective_date: string;
  school_id: number | null;
  from_school_id: number | null;
  details: Record<string, unknown>;
}

/** The person an event history belongs to, decrypted only for the fold (birth date and sex come from the ID). */
export interface Identity {
  name: string;
  idNumber: string;
}

// Columns of their own, and the person's name and ID number on a hire (kept once, sealed, in `teacher`). An honour's
// `name` is the honour's and stays in the details.
const LIFTED = new Set(['kind', 'teacherId', 'effective', 'schoolId', 'toSchoolId']);
const LIFTED_FROM_HIRE = new Set([...LIFTED, 'name', 'idNumber']);

/** The row for a domain event. `currentSchoolId` is where the teacher is before it (null for a hire). */
export function eventToRow(event: TeacherEvent, currentSchoolId: number | null): EventRow {
  const lifted = event.kind === 'hire' ? LIFTED_FROM_HIRE : LIFTED;
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) if (!lifted.has(key) && value !== undefined) details[key] = value;
  const schoolId =
    event.kind === 'hire' ? event.schoolId : event.kind === 'transfer' ? event.toSchoolId : currentSchoolId;
  return {
    teacher_id: event.teacherId,
    kind: event.kind,
    effective_date: event.effective,
    school_id: schoolId,
    from_school_id: event.kind === 'transfer' ? currentSchoolId : null,
    details,
  };
}

/** The domain event of a stored row. */
export function rowToEvent(row: EventRow, identity: Identity): TeacherEvent {
  const base = { ...row.details, kind: row.kind, teacherId: row.teacher_id, effective: row.effective_date };
  if (row.kind === 'hire') return { ...base, ...identity, schoolId: row.school_id } as TeacherEvent;
  if (row.kind === 'transfer') return { ...base, toSchoolId: row.school_id } as TeacherEvent;
  return base as TeacherEvent;
}
