import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client';
import { useStatYears } from '../indicators/IndicatorsPage';
import type { ReportDetail, ReportVersionRow } from './types';

/** The versions of a county's summary for a year, newest first. */
export function useReportVersions(countyCode: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: ['reports', countyCode, year],
    queryFn: () => api<ReportVersionRow[]>(`/api/reports${qs({ county: countyCode, year })}`),
    enabled: !!countyCode && year !== undefined,
  });
}

/** One version with its text, its check and the facts of its figures. */
export function useReportDetail(id: string | undefined) {
  return useQuery({
    queryKey: ['report', id],
    queryFn: () => api<ReportDetail>(`/api/reports/${id}`),
    enabled: !!id,
  });
}

/**
 * The year the list opens on: the latest 基表 year (the summary is written once the year's statistics are in), else
 * last year; the choice runs from this year back.
 */
export function useReportYears(countyCode: string | undefined): { year: number | undefined; years: number[] } {
  const statYears = useStatYears(countyCode);
  const current = new Date().getFullYear();
  const year = statYears.isError ? current - 1 : statYears.data ? (statYears.data[0] ?? current - 1) : undefined;
  const oldest = Math.min(current - 1, ...(statYears.data ?? [])) - 2;
  const years: number[] = [];
  for (let y = current; y >= oldest; y--) years.push(y);
  return { year, years };
}
