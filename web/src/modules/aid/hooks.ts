import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client';
import { termText } from './labels';
import type { ProgramView } from './types';

/** Terms that have lists in the county, newest first. */
export function useAidTerms(countyCode: string | undefined) {
  return useQuery({
    queryKey: ['aid', 'terms', countyCode],
    queryFn: () => api<string[]>(`/api/aid/terms${qs({ county: countyCode })}`),
    enabled: !!countyCode,
    staleTime: 60_000,
  });
}

/** The county's programs with their standard in a term (today's term when none is given). */
export function useAidPrograms(countyCode: string | undefined, term?: string) {
  return useQuery({
    queryKey: ['aid', 'programs', countyCode, term],
    queryFn: () =>
      api<{ term: string; programs: ProgramView[] }>(`/api/aid/programs${qs({ county: countyCode, term })}`),
    enabled: !!countyCode,
    staleTime: 300_000,
  });
}

/** Program id → name, for tables (local programs included). */
export function useProgramNames(countyCode: string | undefined): (id: string) => string {
  const programs = useAidPrograms(countyCode);
  const names = new Map((programs.data?.programs ?? []).map((p) => [p.id, p.name]));
  return (id: string) => names.get(id) ?? id;
}

/** The terms a select offers: those with lists, plus the next term so a new list can be started. */
export function termOptions(terms: string[] | undefined, extra: (string | undefined)[] = []) {
  const order = (code: string) => Number(code.slice(0, 4)) * 2 + (code.endsWith('autumn') ? 1 : 0);
  const all = [...new Set([...extra.filter((t): t is string => !!t), ...(terms ?? [])])].sort(
    (a, b) => order(b) - order(a),
  );
  return all.map((t) => ({ value: t, label: termText(t) }));
}
