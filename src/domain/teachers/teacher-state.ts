/** The state of one teacher as the events have made it, and the questions asked of it on a date. */
import type { VetoableAction } from './ethics';
import type {
  BackboneLevel,
  BackboneTier,
  EducationLevel,
  Establishment,
  EthicsResult,
  HonorLevel,
  Post,
  RecruitmentChannel,
  Sex,
  Subject,
  TeacherStage,
  Title,
  TransferKind,
} from './vocab';

/** 在职, or how the teacher left the roster. */
export type EmploymentStatus = 'employed' | 'retired' | 'resigned' | 'deceased';

export const EMPLOYMENT_STATUSES: Record<EmploymentStatus, string> = {
  employed: '在职',
  retired: '已退休',
  resigned: '已离职',
  deceased: '已故',
};

export interface BackboneRecognition {
  level: BackboneLevel;
  tier: BackboneTier | null;
  /** 评选年度. */
  year: number;
  /** Last day of the recognition's term, when it has one; it lapses the day after. */
  until: string | null;
}

export interface TeacherRecord {
  teacherId: number;
  name: string;
  idNumber: string;
  /** From the ID number (GB 11643). */
  birthDate: string;
  sex: Sex;
  status: EmploymentStatus;
  hiredOn: string;
  /** First day off the roster (retirement, resignation, death); null while employed. */
  leftOn: string | null;
  schoolId: number;
  /** First day at the current school (hire or last transfer): the basis of 交流轮岗 eligibility. */
  schoolSince: string;
  stage: TeacherStage;
  post: Post;
  /** Main subject; null for posts that do not teach. */
  subject: Subject | null;
  channel: RecruitmentChannel;
  establishment: Establishment;
  education: EducationLevel;
  /** Held title (评: 取得的职称资格). */
  title: Title;
  /** Appointed post level (聘: 聘任的岗位等级); null when not recorded separately (评聘合一). */
  appointedTitle: Title | null;
  backbone: BackboneRecognition | null;
  honors: readonly { level: HonorLevel; name: string; year: number; effective: string }[];
  /** 师德考核 results by 考核年度. */
  ethics: Readonly<Record<number, EthicsResult>>;
  /** Title promotions, 聘任 raises, 骨干 and honours, with their years, for the 一票否决 check. */
  vetoable: readonly VetoableAction[];
  /** The current or last leave; null after a return. */
  leave: { from: string; to: string | null } | null;
  lastTransfer: { kind: TransferKind; fromSchoolId: number; effective: string } | null;
}

/** Whether the teacher is on leave on `date`: a leave runs from its first day to `to` inclusive or to a return. */
export function onLeaveOn(record: TeacherRecord, date: string): boolean {
  const leave = record.leave;
  return (
    record.status === 'employed' && leave !== null && leave.from <= date && (leave.to === null || date <= leave.to)
  );
}

/** The 骨干 level in force on `date`, or null. */
export function backboneOn(record: TeacherRecord, date: string): BackboneLevel | null {
  const backbone = record.backbone;
  if (!backbone || record.status !== 'employed') return null;
  return backbone.until === null || date <= backbone.until ? backbone.level : null;
}

/** The title that counts for 职称 statistics: the appointed level when recorded (评聘分开), else the held title. */
export function effectiveTitle(record: TeacherRecord, basis: 'appointed' | 'held' = 'appointed'): Title {
  return basis === 'appointed' && record.appointedTitle !== null ? record.appointedTitle : record.title;
}
