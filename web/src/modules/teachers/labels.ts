import { EVENT_LABELS } from '@domain/teachers/event-validation';
import type { TeacherEventKind } from '@domain/teachers/events';
import { EMPLOYMENT_STATUSES } from '@domain/teachers/teacher-state';
import {
  BACKBONE_LEVELS,
  BACKBONE_TIERS,
  EDUCATION_LEVELS,
  ESTABLISHMENTS,
  ETHICS_RESULTS,
  HONOR_LEVELS,
  POSTS,
  RECRUITMENT_CHANNELS,
  SEXES,
  SUBJECTS,
  TEACHER_STAGES,
  TITLES,
  TRAINING_LEVELS,
  TRANSFER_KINDS,
} from '@domain/teachers/vocab';

type Vocabulary = Record<string, string | { label: string }>;

/** The Chinese label of a coded value ('—' when empty; the code itself when unknown). */
export function labelOf(table: Vocabulary, key: string | null | undefined, empty = '—'): string {
  if (key === null || key === undefined || key === '') return empty;
  const value = table[key];
  if (value === undefined) return key;
  return typeof value === 'string' ? value : value.label;
}

export const optionsOf = (table: Vocabulary) =>
  Object.entries(table).map(([value, entry]) => ({ value, label: typeof entry === 'string' ? entry : entry.label }));

export const stageLabel = (key: string | null | undefined) => labelOf(TEACHER_STAGES, key);
export const postLabel = (key: string | null | undefined) => labelOf(POSTS, key);
export const subjectLabel = (key: string | null | undefined) => labelOf(SUBJECTS, key);
export const educationLabel = (key: string | null | undefined) => labelOf(EDUCATION_LEVELS, key);
export const titleLabel = (key: string | null | undefined) => labelOf(TITLES, key);
export const establishmentLabel = (key: string | null | undefined) => labelOf(ESTABLISHMENTS, key);
export const channelLabel = (key: string | null | undefined) => labelOf(RECRUITMENT_CHANNELS, key);
export const transferKindLabel = (key: string | null | undefined) => labelOf(TRANSFER_KINDS, key);
export const backboneLabel = (key: string | null | undefined) => labelOf(BACKBONE_LEVELS, key);
export const tierLabel = (key: string | null | undefined) => labelOf(BACKBONE_TIERS, key);
export const honorLevelLabel = (key: string | null | undefined) => labelOf(HONOR_LEVELS, key);
export const ethicsLabel = (key: string | null | undefined) => labelOf(ETHICS_RESULTS, key);
export const trainingLevelLabel = (key: string | null | undefined) => labelOf(TRAINING_LEVELS, key);
export const sexLabel = (key: string | null | undefined) => labelOf(SEXES, key);
export const statusLabel = (key: string | null | undefined) => labelOf(EMPLOYMENT_STATUSES, key);
export const eventLabel = (kind: string) => EVENT_LABELS[kind as TeacherEventKind] ?? kind;

export const stageOptions = optionsOf(TEACHER_STAGES);
export const postOptions = optionsOf(POSTS);
export const subjectOptions = optionsOf(SUBJECTS);
export const educationOptions = optionsOf(EDUCATION_LEVELS);
export const titleOptions = optionsOf(TITLES);
export const establishmentOptions = optionsOf(ESTABLISHMENTS);
export const channelOptions = optionsOf(RECRUITMENT_CHANNELS);
export const transferKindOptions = optionsOf(TRANSFER_KINDS);
export const backboneOptions = optionsOf(BACKBONE_LEVELS);
export const tierOptions = optionsOf(BACKBONE_TIERS);
export const honorLevelOptions = optionsOf(HONOR_LEVELS);
export const ethicsOptions = optionsOf(ETHICS_RESULTS);
export const trainingLevelOptions = optionsOf(TRAINING_LEVELS);

export const TRAINING_LEVEL_COLORS: Record<string, string> = {
  national: 'red',
  provincial: 'volcano',
  city: 'orange',
  county: 'blue',
  school_based: 'default',
};

export const BACKBONE_COLORS: Record<string, string> = { county: 'blue', city: 'geekblue', province: 'purple' };

/** Age bands of the roster filter: the report bands of the structure analysis (structure.ts REPORT_AGE_BANDS). */
export const AGE_BANDS: { value: string; label: string; from?: number; to?: number }[] = [
  { value: 'to_29', label: '29岁及以下', to: 29 },
  { value: '30_39', label: '30～39岁', from: 30, to: 39 },
  { value: '40_49', label: '40～49岁', from: 40, to: 49 },
  { value: '50_54', label: '50～54岁', from: 50, to: 54 },
  { value: '55_plus', label: '55岁及以上', from: 55 },
];

/** Full years of age on `today` (both 'YYYY-MM-DD'). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A percentage with two decimals, as reports write it. */
export const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${value.toFixed(2)}%`;

/** Teacher counts written to one decimal (a need in full-time equivalents), without a trailing .0. */
export const fte = (value: number) => (Math.round(value * 10) / 10).toLocaleString('zh-CN');
