import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client';
import type { Township } from '../../api/types';

export function useTownships(countyCode: string | undefined) {
  return useQuery({
    queryKey: ['townships', countyCode],
    queryFn: () => api<Township[]>(`/api/townships${qs({ county: countyCode })}`),
    enabled: !!countyCode,
    staleTime: 300_000,
  });
}
