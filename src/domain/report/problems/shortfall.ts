/**
 * The two phrases the indicator detectors share: a shortfall against a standard ("普惠性幼儿园覆盖率为76.50%，低于80%
 * 的普及普惠县评估标准") and the target that answers it ("力争普惠性幼儿园覆盖率达到80%以上"). Values and thresholds
 * are tagged runs; the threshold is written once when the items share it.
 */
import { failsThreshold, type JudgedFact, type ReportContext } from '../context';
import { type Run, text } from '../draft';
import { joinRuns, rateRun, respectively, thresholdRun } from '../figures';

export interface Shortfall {
  /** What the figure is, as written before it: '普惠性幼儿园覆盖率'. */
  name: string;
  fact: JudgedFact;
  /** The value as a run ('76.50%'). */
  value: Run;
  /** The threshold as a run ('80%'). */
  threshold: Run;
}

/** The failing rates among `[fact id, name]` pairs, in the given order. */
export function failingRates(
  ctx: ReportContext,
  entries: readonly (readonly [id: string, name: string])[],
): Shortfall[] {
  return entries.flatMap(([id, name]) => {
    const fact = ctx.facts.get(id);
    if (!failsThreshold(fact)) return [];
    return [{ name, fact, value: rateRun(fact), threshold: thresholdRun(fact, true) }];
  });
}

/** '{names}分别为{values}，低于{thresholds}的{standard}' (高于 for a lower-is-better figure). */
export function shortfallRuns(items: readonly Shortfall[], standard: string, lead = ''): Run[] {
  if (items.length === 0) return [];
  const verb = items[0].fact.threshold.direction === 'higher' ? '低于' : '高于';
  const thresholds = sharedOrEach(items);
  return [
    ...respectively(
      items.map((item) => item.name),
      items.map((item) => item.value),
      lead,
    ),
    text(`，${thresholds.length > 1 ? '分别' : ''}${verb}`),
    ...joinRuns(thresholds.map((run) => [run])),
    text(`的${standard}`),
  ];
}

/** '力争{names}分别达到{thresholds}以上' (控制在……以内 for a lower-is-better figure). */
export function targetRuns(items: readonly Shortfall[]): Run[] {
  if (items.length === 0) return [];
  const higher = items[0].fact.threshold.direction === 'higher';
  const thresholds = sharedOrEach(items);
  const names = items.map((item) => item.name).join('、');
  return [
    text(`力争${names}${items.length > 1 ? (thresholds.length > 1 ? '分别' : '均') : ''}${higher ? '达到' : '控制在'}`),
    ...joinRuns(thresholds.map((run) => [run])),
    text(higher ? '以上' : '以内'),
  ];
}

function sharedOrEach(items: readonly Shortfall[]): Run[] {
  const first = items[0].fact.threshold.value;
  return items.every((item) => item.fact.threshold.value === first)
    ? [items[0].threshold]
    : items.map((i) => i.threshold);
}
