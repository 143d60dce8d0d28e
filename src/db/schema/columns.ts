import type { ColumnType } from 'kysely';

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A date column, read and written as 'YYYY-MM-DD'. */
export type IsoDate = string;
export type Json = ColumnType<unknown, string | undefined | null, string | null>;
