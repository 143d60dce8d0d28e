import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  AidBatchTable,
  AidBatchTransitionTable,
  AidBeneficiaryTable,
  AidCheckFindingTable,
  AidListTable,
  AidLocalProgramTable,
  AidPublicityTable,
  AidStandardOverrideTable,
} from './aid';
import type {
  AppUserTable,
  AuditLogTable,
  CityTable,
  CountyTable,
  ImportChangeTable,
  ImportJobTable,
  PolicySettingTable,
  SchoolTable,
  SchoolVersionTable,
  TownshipTable,
  UserSessionTable,
} from './platform';
import type { ReportVersionTable } from './reports';
import type {
  CohortBaseTable,
  IndicatorSnapshotTable,
  IndicatorStateTable,
  PopulationTable,
  SchoolStatTable,
} from './stats';
import type {
  PersonalDataKeyTable,
  TeacherEventTable,
  TeacherTable,
  TrainingCourseTable,
  TrainingRecordTable,
} from './teachers';

export type { IsoDate, Json, Timestamp } from './columns';

export interface DB {
  city: CityTable;
  county: CountyTable;
  township: TownshipTable;
  school: SchoolTable;
  school_version: SchoolVersionTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  import_job: ImportJobTable;
  import_change: ImportChangeTable;
  school_stat: SchoolStatTable;
  population: PopulationTable;
  cohort_base: CohortBaseTable;
  indicator_snapshot: IndicatorSnapshotTable;
  indicator_state: IndicatorStateTable;
  policy_setting: PolicySettingTable;
  personal_data_key: PersonalDataKeyTable;
  teacher: TeacherTable;
  teacher_event: TeacherEventTable;
  training_course: TrainingCourseTable;
  training_record: TrainingRecordTable;
  aid_local_program: AidLocalProgramTable;
  aid_standard_override: AidStandardOverrideTable;
  aid_batch: AidBatchTable;
  aid_batch_transition: AidBatchTransitionTable;
  aid_list: AidListTable;
  aid_beneficiary: AidBeneficiaryTable;
  aid_check_finding: AidCheckFindingTable;
  aid_publicity: AidPublicityTable;
  report_version: ReportVersionTable;
}

export type School = Selectable<SchoolTable>;
export type NewSchool = Insertable<SchoolTable>;
export type SchoolUpdate = Updateable<SchoolTable>;
export type SchoolVersion = Selectable<SchoolVersionTable>;
export type Township = Selectable<TownshipTable>;
export type County = Selectable<CountyTable>;
export type AppUser = Selectable<AppUserTable>;
export type AuditLog = Selectable<AuditLogTable>;
export type ImportJob = Selectable<ImportJobTable>;
