/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD'), with no time zone: ISO dates compare correctly as strings, so the
 * roster never builds a Date.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`not an ISO date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date written 'YYYY-MM-DD' (one rule for the whole platform). */
export { isIsoDate } from '../period';

/**
 * The date `months` calendar months after `date`. A day that does not exist in the target month falls on that
 * month's last day (1964-02-29 + 60 years = 2024-02-29, 1968-02-29 + 55 years = 2023-02-28), so an anniversary
 * never spills into the next month.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, daysInMonth(targetYear, targetMonth)))}`;
}

export const addYears = (date: string, years: number): string => addMonths(date, years * 12);

/** The day after `date`. */
export function nextDay(date: string): string {
  const [year, month, day] = parts(date);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** 周岁 on `date`: the number of birthdays (by `addYears`) reached on or before it. */
export function ageOn(birthDate: string, date: string): number {
  const [birthYear] = parts(birthDate);
  const [year] = parts(date);
  let age = year - birthYear;
  if (addYears(birthDate, age) > date) age--;
  return Math.max(0, age);
}

export const yearOf = (date: string): number => parts(date)[0];

/** 'YYYY-MM' of a date. */
export const monthOf = (date: string): string => date.slice(0, 7);
