import type { Draft, Run } from './draft';
import { draftFigures } from './draft';
import type { FactSet } from './facts';
import { THRESHOLD_REF_SUFFIX } from './figures';
import { type UntaggedNumber, untaggedNumbers } from './untagged';

/** What became of one figure of a draft since it was written. */
export type FigureState =
  /** Its fact still has the value it was written from, and its text is as rendered. */
  | 'current'
  /** The fact's value has changed since (new data was imported): the text is out of date. */
  | 'stale'
  /** The writer changed the figure's text by hand. */
  | 'edited'
  /** The fact no longer exists (the module no longer publishes it for this year). */
  | 'missing';

export interface FigureCheck {
  factId: string;
  text: string;
  rendered: string | null;
  valueThen: number | string | null;
  valueNow: number | string | null;
  state: FigureState;
}

/** A fact's current value, or its threshold for a `#threshold` reference; undefined when the fact is gone. */
export function factValue(facts: FactSet, factId: string): number | string | null | undefined {
  if (factId.endsWith(THRESHOLD_REF_SUFFIX)) {
    const fact = facts.get(factId.slice(0, -THRESHOLD_REF_SUFFIX.length));
    return fact ? (fact.threshold?.value ?? null) : undefined;
  }
  const fact = facts.get(factId);
  return fact ? fact.value : undefined;
}

/** Two fact values are the same (numbers to a relative 1e-9: the JSON round trip of a float is not exact). */
export const sameValue = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : a === b;

/** The state of one tagged run against the current facts. */
export function checkFigure(run: Run & { fact: NonNullable<Run['fact']> }, facts: FactSet): FigureCheck {
  const now = factValue(facts, run.fact.factId);
  const rendered = run.fact.rendered ?? null;
  const state: FigureState =
    now === undefined
      ? 'missing'
      : !sameValue(now, run.fact.value)
        ? 'stale'
        : rendered !== null && rendered !== run.text
          ? 'edited'
          : 'current';
  return { factId: run.fact.factId, text: run.text, rendered, valueThen: run.fact.value, valueNow: now ?? null, state };
}

/**
 * Every figure of a draft against today's facts, and the numbers typed by hand (not tagged to any fact). What the
 * editor flags and what an approver must see before approving.
 */
export function checkDraft(draft: Draft, facts: FactSet): { figures: FigureCheck[]; untagged: UntaggedNumber[] } {
  return {
    figures: draftFigures(draft).map((run) => checkFigure(run, facts)),
    untagged: untaggedNumbers(draft),
  };
}
