/**
 * The structured text of a generated document (the annual work summary and any later report): blocks of runs, where a
 * run that states a figure keeps the fact it came from, the pattern of AntV's T8 narrative schema. The browser
 * editor, the DOCX writer and `report check` all work on this one shape.
 */

/** The fact behind a figure in the text, as it was when the text was written. */
export interface FactRef {
  /** The fact's id; `<id>#threshold` when the figure states the fact's standard rather than its value. */
  factId: string;
  /** The fact's value when rendered (exact, unrounded), to detect later changes. */
  value: number | string | null;
  /** The text the figure was rendered as: a run whose text differs has been edited by hand. */
  rendered?: string;
}

export interface Run {
  text: string;
  /** Set when the run is a figure drawn from a fact. */
  fact?: FactRef;
}

/** GB/T 9704 heading levels: 一、 黑体 · （一） 楷体 · 1. 仿宋加粗 · （1） 仿宋. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export type Block =
  /** The document title (2号小标宋, centred). */
  | { kind: 'title'; runs: Run[] }
  /** A heading on its own line; its runs include the numbering ("一、", "（一）"). */
  | { kind: 'heading'; level: HeadingLevel; runs: Run[] }
  /**
   * A body paragraph (3号仿宋, first line indented two characters). `lead` is an inline heading that opens the
   * paragraph in its level's font, as in "（一）坚持立德树人。全县……".
   */
  | { kind: 'paragraph'; lead?: { level: HeadingLevel; runs: Run[] }; runs: Run[] }
  /** 落款 and 成文日期, right-aligned at the end. */
  | { kind: 'signature'; issuer: string; date: string };

export interface Draft {
  title: string;
  blocks: Block[];
}

/** A plain run. */
export const text = (value: string): Run => ({ text: value });

/** A run stating a figure of a fact. */
export const figure = (rendered: string, factId: string, value: number | string | null): Run => ({
  text: rendered,
  fact: { factId, value, rendered },
});

/** The runs' text joined: what a reader sees. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Every block as the plain text of its line(s), in order. */
export function draftText(draft: Draft): string[] {
  return draft.blocks.map((block) => {
    switch (block.kind) {
      case 'signature':
        return `${block.issuer}\n${block.date}`;
      case 'paragraph':
        return (block.lead ? runsText(block.lead.runs) : '') + runsText(block.runs);
      default:
        return runsText(block.runs);
    }
  });
}

/** Every tagged figure of a draft, in reading order. */
export function draftFigures(draft: Draft): (Run & { fact: FactRef })[] {
  const out: (Run & { fact: FactRef })[] = [];
  for (const block of draft.blocks) {
    if (block.kind === 'signature') continue;
    const runs = block.kind === 'paragraph' && block.lead ? [...block.lead.runs, ...block.runs] : block.runs;
    for (const run of runs) if (run.fact) out.push(run as Run & { fact: FactRef });
  }
  return out;
}
