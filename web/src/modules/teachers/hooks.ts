import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client';
import type { Page, SchoolRow } from '../../api/types';
import { useStatYears } from '../indicators/IndicatorsPage';

/** The county's open schools (a school user gets their own), for selects. */
export function useSchoolOptions(countyCode: string | undefined) {
  return useQuery({
    queryKey: ['schools', 'options', countyCode],
    queryFn: () => api<Page<SchoolRow>>(`/api/schools${qs({ county: countyCode, status: 'open', pageSize: 200 })}`),
    enabled: !!countyCode,
    staleTime: 300_000,
    select: (page) => page.items,
  });
}

/**
 * The year an analysis opens on: the latest 基表 year (its class counts and enrolments drive the shortage and
 * staffing figures), else the current year — also for a viewer who may not read the 基表.
 */
export function useDefaultYear(countyCode: string | undefined): { year: number | undefined; years: number[] } {
  const statYears = useStatYears(countyCode);
  const current = new Date().getFullYear();
  const latest = statYears.data?.[0];
  const year = statYears.isError ? current : statYears.data ? (latest ?? current) : undefined;
  const oldest = Math.min(current, ...(statYears.data ?? [])) - 2;
  const years: number[] = [];
  for (let y = current; y >= oldest; y--) years.push(y);
  return { year, years };
}
