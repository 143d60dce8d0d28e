/**
 * The traceability check of a draft (PRODUCT.md §2.2): every Arabic number a reader sees must sit in a run tagged
 * with its fact. The only plain numbers allowed are the years the report is about, written "2025年" (title,
 * headings, the opening and the plan's first sentence); the 成文日期 is in the signature block, which has no runs.
 */
import type { Draft, Run } from './draft';

export interface UntaggedNumber {
  /** Index of the block in `draft.blocks`. */
  block: number;
  /** The number as written: '30', '0.562', '２０'. */
  number: string;
  /** The text of the untagged run it was found in. */
  run: string;
}

// Half- and full-width digits, with a decimal part.
const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?/g;

/** The years named in the title ("…2025年工作总结和2026年工作计划"), and the year after each (the 工作计划 year). */
export function reportYears(draft: Draft): number[] {
  const years = [...draft.title.matchAll(/(\d{4})年/g)].map((match) => Number(match[1]));
  return [...new Set(years.flatMap((year) => [year, year + 1]))].sort((a, b) => a - b);
}

/**
 * Every Arabic number outside a tagged figure run, in reading order; empty for a traceable draft. `years` are the
 * years that may be written plainly as "YYYY年" (by default those of `reportYears`).
 */
export function untaggedNumbers(draft: Draft, years: readonly number[] = reportYears(draft)): UntaggedNumber[] {
  const allowed = new Set(years.map(String));
  const found: UntaggedNumber[] = [];
  draft.blocks.forEach((block, index) => {
    if (block.kind === 'signature') return;
    const runs: readonly Run[] =
      block.kind === 'paragraph' && block.lead ? [...block.lead.runs, ...block.runs] : block.runs;
    for (const run of runs) {
      if (run.fact) continue;
      for (const match of run.text.matchAll(NUMBER)) {
        const after = run.text[(match.index ?? 0) + match[0].length];
        if (allowed.has(match[0]) && after === '年') continue;
        found.push({ block: index, number: match[0], run: run.text });
      }
    }
  });
  return found;
}
