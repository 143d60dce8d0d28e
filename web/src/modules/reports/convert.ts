/**
 * The draft model (`@domain/report/draft`) and the TipTap document of the editor, both ways, and the live check of
 * the editor's text. Pure: plain JSON in and out, no editor instance, so the unit tests run it in Node.
 *
 * The document: `reportTitle`, `reportHeading` (level), `paragraph` and `reportSignature` (issuer, date) blocks; text
 * carries a `figure` mark (factId, value, rendered, uid) for a tagged figure and a `lead` mark (level) for the inline
 * heading that opens a paragraph.
 */

import { checkFigure, type FigureState } from '@domain/report/check';
import type { Block, Draft, FactRef, HeadingLevel, Run } from '@domain/report/draft';
import type { Fact, FactSet } from '@domain/report/facts';
import type { JSONContent } from '@tiptap/core';
import type { FactSource } from './types';

export const NODE = {
  title: 'reportTitle',
  heading: 'reportHeading',
  paragraph: 'paragraph',
  signature: 'reportSignature',
} as const;
export const MARK = { figure: 'figure', lead: 'lead' } as const;

/** The attributes of a `figure` mark: the run's FactRef and an id that keeps two adjacent figures apart. */
export interface FigureAttrs {
  factId: string;
  value: FactRef['value'];
  rendered: string | null;
  uid: string;
}

const level = (value: unknown): HeadingLevel => {
  const n = Number(value);
  return n === 2 || n === 3 || n === 4 ? n : 1;
};

function textNodes(runs: readonly Run[], lead: HeadingLevel | undefined, uid: () => string): JSONContent[] {
  return runs
    .filter((run) => run.text !== '')
    .map((run) => {
      const marks: JSONContent['marks'] = [];
      if (lead) marks.push({ type: MARK.lead, attrs: { level: lead } });
      if (run.fact) {
        const attrs: FigureAttrs = {
          factId: run.fact.factId,
          value: run.fact.value,
          rendered: run.fact.rendered ?? null,
          uid: uid(),
        };
        marks.push({ type: MARK.figure, attrs: { ...attrs } });
      }
      return marks.length ? { type: 'text', text: run.text, marks } : { type: 'text', text: run.text };
    });
}

/** The editor document of a draft. */
export function draftToDoc(draft: Draft): JSONContent {
  let next = 0;
  const uid = () => `f${++next}`;
  const content = draft.blocks.map((block): JSONContent => {
    switch (block.kind) {
      case 'title':
        return { type: NODE.title, content: textNodes(block.runs, undefined, uid) };
      case 'heading':
        return { type: NODE.heading, attrs: { level: block.level }, content: textNodes(block.runs, undefined, uid) };
      case 'paragraph':
        return {
          type: NODE.paragraph,
          content: [
            ...(block.lead ? textNodes(block.lead.runs, block.lead.level, uid) : []),
            ...textNodes(block.runs, undefined, uid),
          ],
        };
      default:
        return { type: NODE.signature, attrs: { issuer: block.issuer, date: block.date } };
    }
  });
  return { type: 'doc', content };
}

const markOf = (node: JSONContent, type: string) => node.marks?.find((m) => m.type === type);

/** The figure a text node belongs to, if any. */
export function figureOf(node: JSONContent): FigureAttrs | undefined {
  const attrs = markOf(node, MARK.figure)?.attrs;
  if (!attrs || typeof attrs.factId !== 'string') return undefined;
  return {
    factId: attrs.factId,
    value: (attrs.value ?? null) as FactRef['value'],
    rendered: typeof attrs.rendered === 'string' ? attrs.rendered : null,
    uid: String(attrs.uid ?? ''),
  };
}

/** Identity of a run: adjacent text of the same figure (or plain text) is one run. */
const runKey = (figure: FigureAttrs | undefined) =>
  figure ? `F:${figure.uid || JSON.stringify([figure.factId, figure.value, figure.rendered])}` : 'plain';

/** Text nodes as runs: adjacent nodes of one figure, or of plain text, joined. */
export function nodesToRuns(nodes: readonly JSONContent[]): Run[] {
  const runs: Run[] = [];
  let lastKey: string | undefined;
  for (const node of nodes) {
    if (node.type !== 'text' || !node.text) continue;
    const figure = figureOf(node);
    const key = runKey(figure);
    const last = runs[runs.length - 1];
    if (last && key === lastKey) last.text += node.text;
    else {
      runs.push(
        figure
          ? {
              text: node.text,
              fact: {
                factId: figure.factId,
                value: figure.value,
                ...(figure.rendered !== null ? { rendered: figure.rendered } : {}),
              },
            }
          : { text: node.text },
      );
      lastKey = key;
    }
  }
  return runs;
}

/**
 * The draft of an editor document. Empty paragraphs are dropped (a 公文 has none); the title is the title block's
 * text, or `fallbackTitle` when that was emptied.
 */
export function docToDraft(doc: JSONContent, fallbackTitle: string): Draft {
  const blocks: Block[] = [];
  for (const node of doc.content ?? []) {
    const inline = node.content ?? [];
    switch (node.type) {
      case NODE.title:
        blocks.push({ kind: 'title', runs: nodesToRuns(inline) });
        break;
      case NODE.heading:
        blocks.push({ kind: 'heading', level: level(node.attrs?.level), runs: nodesToRuns(inline) });
        break;
      case NODE.paragraph: {
        let split = 0;
        while (split < inline.length && markOf(inline[split], MARK.lead)) split++;
        const leadLevel = split ? level(markOf(inline[0], MARK.lead)?.attrs?.level) : undefined;
        const runs = nodesToRuns(inline.slice(split));
        if (!leadLevel && !runs.some((r) => r.text.trim())) break;
        blocks.push(
          leadLevel
            ? { kind: 'paragraph', lead: { level: leadLevel, runs: nodesToRuns(inline.slice(0, split)) }, runs }
            : { kind: 'paragraph', runs },
        );
        break;
      }
      case NODE.signature:
        blocks.push({
          kind: 'signature',
          issuer: String(node.attrs?.issuer ?? ''),
          date: String(node.attrs?.date ?? ''),
        });
        break;
    }
  }
  const titleBlock = blocks.find((b) => b.kind === 'title');
  const title =
    titleBlock?.kind === 'title'
      ? titleBlock.runs
          .map((r) => r.text)
          .join('')
          .trim()
      : '';
  return { title: title || fallbackTitle, blocks };
}

/** The facts the server sent with a version, as the FactSet the domain check reads. */
export function factSetOf(facts: Record<string, FactSource>): FactSet {
  return new Map(Object.entries(facts).map(([id, fact]): [string, Fact] => [id, { ...fact, id }]));
}

/** A piece of inline text of one block, at its document position. */
export interface Segment {
  text: string;
  from: number;
  figure?: FigureAttrs;
}

export type FlagState = FigureState | 'untagged';

/** A range of a block to mark: a figure with its state, or a number typed by hand. */
export interface Flag {
  from: number;
  to: number;
  state: FlagState;
}

// As `@domain/report/untagged`: half- and full-width digits, with a decimal part.
const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?/g;

/**
 * The flags of one block's text: each figure's state against the facts (current, edited, stale, missing) and each
 * number outside a figure, except a report year written "YYYY年" — the rules of `checkDraft`, by position.
 */
export function flagSegments(segments: readonly Segment[], facts: FactSet, years: readonly number[]): Flag[] {
  const allowed = new Set(years.map(String));
  const runs: { text: string; from: number; figure?: FigureAttrs; key: string }[] = [];
  for (const segment of segments) {
    const key = runKey(segment.figure);
    const last = runs[runs.length - 1];
    if (last && last.key === key && last.from + last.text.length === segment.from) last.text += segment.text;
    else runs.push({ ...segment, key });
  }
  const flags: Flag[] = [];
  for (const run of runs) {
    if (run.figure) {
      const { factId, value, rendered } = run.figure;
      const check = checkFigure(
        { text: run.text, fact: { factId, value, ...(rendered !== null ? { rendered } : {}) } },
        facts,
      );
      flags.push({ from: run.from, to: run.from + run.text.length, state: check.state });
      continue;
    }
    for (const match of run.text.matchAll(NUMBER)) {
      const at = match.index ?? 0;
      if (allowed.has(match[0]) && run.text[at + match[0].length] === '年') continue;
      flags.push({ from: run.from + at, to: run.from + at + match[0].length, state: 'untagged' });
    }
  }
  return flags;
}
