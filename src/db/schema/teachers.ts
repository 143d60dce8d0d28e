/** Tables of 教师队伍: the roster, its events and training. */
import type { Generated } from 'kysely';
import type { IsoDate, Json, Timestamp } from './columns';

export interface PersonalDataKeyTable {
  id: number;
  fingerprint: string;
  created_at: Timestamp;
}

export interface TeacherTable {
  id: Generated<number>;
  county_code: string;
  id_hash: string;
  id_sealed: string;
  id_masked: string;
  name: string;
  sex: 'male' | 'female';
  birth_date: IsoDate;
  ethnicity: string | null;
  phone_sealed: string | null;
  phone_masked: string | null;
  status: string;
  school_id: number | null;
  post: string | null;
  subject: string | null;
  stage: string | null;
  education: string | null;
  title: string | null;
  appointed_title: string | null;
  establishment: string | null;
  channel: string | null;
  certificate: string | null;
  backbone_level: string | null;
  backbone_tier: string | null;
  backbone_until: IsoDate | null;
  hired_on: IsoDate | null;
  school_since: IsoDate | null;
  left_on: IsoDate | null;
  leave_from: IsoDate | null;
  leave_to: IsoDate | null;
  state_as_of: IsoDate;
  updated_at: Timestamp;
}

export interface TeacherEventTable {
  id: Generated<number>;
  county_code: string;
  teacher_id: number;
  kind: string;
  effective_date: IsoDate;
  school_id: number | null;
  from_school_id: number | null;
  details: Json;
  note: string | null;
  import_job_id: string | null;
  recorded_by: number | null;
  recorded_at: Timestamp;
  revoked_at: Date | null;
  revoked_by: number | null;
  revoke_reason: string | null;
}

export interface TrainingCourseTable {
  id: Generated<number>;
  county_code: string;
  name: string;
  level: string;
  organizer: string | null;
  start_date: IsoDate;
  end_date: IsoDate;
  hours: number;
}

export interface TrainingRecordTable {
  id: Generated<number>;
  county_code: string;
  course_id: number;
  teacher_id: number;
  hours: number;
}
