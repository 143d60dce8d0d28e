/** Tables of the platform: organisations, accounts, audit, imports, configuration. */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate, Json, Timestamp } from './columns';

export interface CityTable {
  code: string;
  name: string;
  province_code: string;
}

export interface CountyTable {
  code: string;
  name: string;
  province_code: string;
  city_code: string | null;
  created_at: Timestamp;
}

export interface TownshipTable {
  id: Generated<number>;
  county_code: string;
  code: string;
  name: string;
  kind: string;
  sort_order: Generated<number>;
}

export interface SchoolTable {
  id: Generated<number>;
  county_code: string;
  code: string;
  name: string;
  type: string;
  ownership: string;
  urban_rural: string;
  township_id: number;
  parent_school_id: number | null;
  credit_code: string | null;
  address: string | null;
  status: Generated<string>;
  opened_on: IsoDate | null;
  closed_on: IsoDate | null;
  merged_into_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One period of a school's life with the attributes it had then; valid_to is exclusive, null while current. */
export interface SchoolVersionTable {
  id: Generated<number>;
  county_code: string;
  school_id: number;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  name: string;
  type: string;
  ownership: string;
  urban_rural: string;
  township_id: number;
  parent_school_id: number | null;
  status: string;
  merged_into_id: number | null;
  change_kind: string;
  note: string | null;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  scope_level: string;
  city_code: string | null;
  county_code: string | null;
  township_id: number | null;
  school_id: number | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  phone: string | null;
  password_changed_at: Date | null;
  last_login_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface AuditLogTable {
  id: ColumnType<number, number, never>;
  at: ColumnType<Date, Date, never>;
  actor_id: number | null;
  actor_name: string;
  actor_role: string | null;
  county_code: string | null;
  ip: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  summary: string | null;
  before: Json;
  after: Json;
  prev_hash: string;
  hash: string;
}

export interface ImportJobTable {
  id: string;
  county_code: string;
  type: string;
  file_name: string;
  file_path: string;
  file_sha256: string;
  file_size: number;
  status: string;
  total_rows: Generated<number>;
  processed_rows: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  error_count: Generated<number>;
  warning_count: Generated<number>;
  unexplained: Generated<number>;
  explanations: Json;
  errors: Json;
  preview: Json;
  message: string | null;
  created_by: number | null;
  created_at: Timestamp;
  finished_at: Date | null;
}

/** Before/after images of the rows an import changed; their digest is part of the chained audit entry. */
export interface ImportChangeTable {
  id: Generated<number>;
  job_id: string;
  county_code: string;
  row_number: number;
  entity_key: string;
  before: Json;
  after: Json;
}

export interface PolicySettingTable {
  id: Generated<number>;
  key: string;
  province_code: Generated<string>;
  from_year: number;
  value: ColumnType<unknown, string, string>;
  source: string | null;
  created_by: number | null;
  created_at: Timestamp;
}
