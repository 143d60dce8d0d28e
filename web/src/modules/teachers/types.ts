import type { RetirementForecast, RetiringTeacher } from '@domain/teachers/retirement';
import type { ShortageReport, SubjectShortage } from '@domain/teachers/shortage';
import type { StaffingLine } from '@domain/teachers/staffing';
import type { StructureReport } from '@domain/teachers/structure';
import type { TrainingSummary } from '@domain/teachers/training';

/** A roster row of GET /api/teachers (codes in English; the page shows their labels). */
export interface TeacherRow {
  id: number;
  name: string;
  id_masked: string;
  sex: string;
  birth_date: string;
  ethnicity: string | null;
  status: string;
  school_id: number;
  school_name: string | null;
  post: string;
  subject: string | null;
  stage: string;
  education: string;
  title: string;
  appointed_title: string | null;
  establishment: string;
  channel: string;
  backbone_level: string | null;
  backbone_until: string | null;
  hired_on: string;
  left_on: string | null;
  leave_from: string | null;
  leave_to: string | null;
  onLeave?: boolean;
  activeBackbone?: string | null;
}

export interface TeacherList {
  total: number;
  page: number;
  pageSize: number;
  today: string;
  rows: (TeacherRow & { onLeave: boolean; activeBackbone: string | null })[];
}

export interface TeacherEventRow {
  id: number;
  kind: string;
  effective_date: string;
  details: Record<string, unknown>;
  note: string | null;
  recorded_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  school_name: string | null;
  from_school_name: string | null;
  recorded_by_name: string | null;
  revoked_by_name: string | null;
}

export interface TeacherDetail {
  teacher: TeacherRow & {
    county_code: string;
    phone_masked: string | null;
    school_since: string | null;
    backbone_tier: string | null;
  };
  events: TeacherEventRow[];
  training: { id: number; name: string; level: string; start_date: string; end_date: string; hours: number }[];
}

type Named<T> = T & { schoolName: string };

/** GET /api/teachers-summary: the year's analysis of the teaching force. */
export interface TeacherSummary {
  countyCode: string;
  year: number;
  asOf: string;
  statYear: number | null;
  totals: { employed: number; fullTime: number; onLeave: number; backbone: number };
  changes: {
    byKind: Record<string, number>;
    hiresByChannel: Record<string, number>;
    transfersByKind: Record<string, number>;
    ethicsUnqualified: number;
  };
  training: TrainingSummary;
  structure: StructureReport;
  shortages: Omit<ShortageReport, 'lines' | 'schoolsWithNone'> & {
    lines: Named<SubjectShortage>[];
    schoolsWithNone: Named<ShortageReport['schoolsWithNone'][number]>[];
  };
  staffing: { lines: Named<StaffingLine>[]; shortage: number; surplus: number };
  retirements: Omit<RetirementForecast, 'retiring' | 'overdue' | 'replacementPlan'> & {
    retiring: Named<RetiringTeacher>[];
    overdue: Named<RetiringTeacher>[];
    replacementPlan: Named<RetirementForecast['replacementPlan'][number]>[];
  };
  schoolNames: Record<string, string>;
}

export interface TrainingCourseRow {
  id: number;
  name: string;
  level: string;
  organizer: string | null;
  start_date: string;
  end_date: string;
  hours: number;
  participants: number;
  total_hours: number;
}

export interface TrainingCourseList {
  total: number;
  personTimes: number;
  hours: number;
  rows: TrainingCourseRow[];
}

export interface TrainingCourseDetail {
  course: {
    id: number;
    name: string;
    level: string;
    organizer: string | null;
    start_date: string;
    end_date: string;
    hours: number;
  };
  participants: { id: number; name: string; id_masked: string; school_name: string; hours: number }[];
}
