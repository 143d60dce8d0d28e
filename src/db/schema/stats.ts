/** Tables of 办学条件与在校生 and the indicator engine. */
import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './columns';

export interface SchoolStatTable {
  id: Generated<number>;
  county_code: string;
  school_id: number;
  school_year: number;
  stage: string;
  students: number;
  classes: number;
  full_time_teachers: number;
  staff: number;
  above_qualified: number;
  backbone: number;
  pe_teachers: number;
  music_teachers: number;
  art_teachers: number;
  mid_title: number;
  multimedia_rooms: number;
  books: number;
  computers: number;
  large_classes: number;
  super_large_classes: number;
  teaching_area: number;
  sports_area: number;
  equipment_value: number;
  inclusive: boolean | null;
  grades: Json;
  explanations: Json;
  updated_at: Timestamp;
}

export interface PopulationTable {
  id: Generated<number>;
  county_code: string;
  year: number;
  age: number;
  population: number;
  disabled: Generated<number>;
  enrolled_special: Generated<number>;
  enrolled_regular: Generated<number>;
  enrolled_home: Generated<number>;
  source: string | null;
}

export interface CohortBaseTable {
  id: Generated<number>;
  county_code: string;
  school_year: number;
  base: number;
  note: string | null;
  recorded_by: number | null;
  updated_at: Timestamp;
}

export interface IndicatorSnapshotTable {
  id: Generated<number>;
  county_code: string;
  school_year: number;
  level: string;
  scope_id: string;
  stage: string;
  values: ColumnType<unknown, string, string>;
}

export interface IndicatorStateTable {
  id: Generated<number>;
  county_code: string;
  school_year: number;
  data_version: Generated<number>;
  computed_version: Generated<number>;
  computed_at: Date | null;
}
