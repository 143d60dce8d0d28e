import type { FigureCheck } from '@domain/report/check';
import type { Draft } from '@domain/report/draft';
import type { Fact } from '@domain/report/facts';
import type { UntaggedNumber } from '@domain/report/untagged';

/** One version (稿) of a county's annual work summary, as GET /api/reports lists it. */
export interface ReportVersionRow {
  id: number;
  version: number;
  title: string;
  origin: 'generated' | 'edited';
  note: string | null;
  created_by_name: string;
  created_at: string;
  approved_by_name: string | null;
  approved_at: string | null;
}

/** What the editor shows of a figure's fact on hover. */
export type FactSource = Pick<Fact, 'label' | 'unit' | 'value' | 'period' | 'scope' | 'formula' | 'href' | 'threshold'>;

/** GET /api/reports/:id. */
export interface ReportDetail {
  version: ReportVersionRow & { county_code: string; year: number; kind: 'annual' };
  draft: Draft;
  check: { figures: FigureCheck[]; untagged: UntaggedNumber[] };
  facts: Record<string, FactSource>;
}

/** POST /api/reports/generate and /api/reports/:id/save. */
export interface SavedVersion {
  id: number;
  version: number;
}
