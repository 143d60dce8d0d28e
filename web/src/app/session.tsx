import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { County, Me } from '../api/types';

interface Session {
  me: Me;
  /** The county the pages work on; a system or city account can switch it. */
  county: County;
  setCountyCode(code: string): void;
  can(permission: string): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/api/auth/me'), retry: false, staleTime: 60_000 });
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const [countyCode, setCountyCode] = useState<string>(() => localStorage.getItem('jg.county') ?? '');
  const county = me.counties.find((c) => c.code === countyCode) ?? me.counties[0];
  useEffect(() => {
    if (county) localStorage.setItem('jg.county', county.code);
  }, [county]);
  const value = useMemo<Session>(
    () => ({ me, county, setCountyCode, can: (permission) => me.permissions.some((p) => p.key === permission) }),
    [me, county],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function useRefreshSession() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['me'] });
}
