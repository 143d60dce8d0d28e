/**
 * The TipTap schema of the report editor (see `convert.ts` for the document shape) and the plugin that flags figures
 * and hand-typed numbers as the writer types.
 */

import type { FactSet } from '@domain/report/facts';
import { Extension, type Extensions, Mark, mergeAttributes, Node } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import StarterKit from '@tiptap/starter-kit';
import { figureOf, flagSegments, MARK, NODE, type Segment } from './convert';

const FIGURE_VALUE = 'data-value';

/** A tagged figure: the fact it states, the value it was written from and the text it was rendered as. */
const Figure = Mark.create({
  name: MARK.figure,
  // Typing right after a figure does not extend it; replacing the whole figure drops the tag (it is then typed by hand).
  inclusive: false,
  addAttributes() {
    return {
      factId: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-fact-id'),
        renderHTML: (attrs) => ({ 'data-fact-id': attrs.factId }),
      },
      value: {
        default: null,
        parseHTML: (el) => {
          try {
            return JSON.parse(el.getAttribute(FIGURE_VALUE) ?? 'null');
          } catch {
            return null;
          }
        },
        renderHTML: (attrs) => ({ [FIGURE_VALUE]: JSON.stringify(attrs.value ?? null) }),
      },
      rendered: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-rendered'),
        renderHTML: (attrs) => (attrs.rendered === null ? {} : { 'data-rendered': attrs.rendered }),
      },
      uid: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-uid') ?? '',
        renderHTML: (attrs) => ({ 'data-uid': attrs.uid }),
      },
    };
  },
  parseHTML: () => [{ tag: 'span[data-fact-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes({ class: 'jg-fig' }, HTMLAttributes), 0],
});

/** The inline heading that opens a paragraph ("（一）坚持立德树人。"), in its level's font. */
const Lead = Mark.create({
  name: MARK.lead,
  inclusive: false,
  addAttributes() {
    return {
      level: {
        default: 2,
        parseHTML: (el) => Number(el.getAttribute('data-level')) || 2,
        renderHTML: (attrs) => ({ 'data-level': attrs.level }),
      },
    };
  },
  parseHTML: () => [{ tag: 'span.jg-lead' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes({ class: 'jg-lead' }, HTMLAttributes), 0],
});

const ReportTitle = Node.create({
  name: NODE.title,
  group: 'block',
  content: 'inline*',
  defining: true,
  parseHTML: () => [{ tag: 'h1.jg-report-title' }],
  renderHTML: () => ['h1', { class: 'jg-report-title' }, 0],
});

const ReportHeading = Node.create({
  name: NODE.heading,
  group: 'block',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return {
      level: {
        default: 1,
        parseHTML: (el) => Number(el.getAttribute('data-level')) || 1,
        renderHTML: (attrs) => ({ 'data-level': attrs.level }),
      },
    };
  },
  parseHTML: () => [{ tag: 'h2.jg-report-heading' }],
  renderHTML: ({ HTMLAttributes }) => ['h2', mergeAttributes({ class: 'jg-report-heading' }, HTMLAttributes), 0],
});

/** 落款 and 成文日期: kept as generated. */
const ReportSignature = Node.create({
  name: NODE.signature,
  group: 'block',
  atom: true,
  selectable: false,
  addAttributes() {
    return {
      issuer: { default: '', parseHTML: (el) => el.getAttribute('data-issuer') ?? '' },
      date: { default: '', parseHTML: (el) => el.getAttribute('data-date') ?? '' },
    };
  },
  parseHTML: () => [{ tag: 'div.jg-report-signature' }],
  renderHTML: ({ node }) => [
    'div',
    { class: 'jg-report-signature', 'data-issuer': node.attrs.issuer, 'data-date': node.attrs.date },
    ['div', {}, node.attrs.issuer],
    ['div', {}, node.attrs.date],
  ],
});

/** The inline text of a textblock at `pos` as segments at their document positions. */
function segmentsOf(block: PmNode, pos: number): Segment[] {
  const segments: Segment[] = [];
  block.forEach((child, offset) => {
    if (!child.isText || !child.text) return;
    segments.push({ text: child.text, from: pos + 1 + offset, figure: figureOf(child.toJSON()) });
  });
  return segments;
}

const flagsKey = new PluginKey('reportFlags');

/** Decorates every figure with its state (`data-flag`) and every hand-typed number as untagged. */
function flagsPlugin(facts: FactSet, years: readonly number[]): Plugin {
  const build = (doc: PmNode) => {
    const decorations: Decoration[] = [];
    doc.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      for (const flag of flagSegments(segmentsOf(node, pos), facts, years))
        decorations.push(
          Decoration.inline(flag.from, flag.to, { class: `jg-flag jg-flag-${flag.state}`, 'data-flag': flag.state }),
        );
      return false;
    });
    return DecorationSet.create(doc, decorations);
  };
  return new Plugin({
    key: flagsKey,
    state: {
      init: (_, state) => build(state.doc),
      apply: (tr, old) => (tr.docChanged ? build(tr.doc) : old),
    },
    props: { decorations: (state) => flagsKey.getState(state) },
  });
}

/** The editor's extensions, checking figures against `facts`; `years` may be typed plainly as "YYYY年". */
export function reportExtensions(facts: FactSet, years: readonly number[]): Extensions {
  return [
    StarterKit.configure({
      blockquote: false,
      bold: false,
      bulletList: false,
      code: false,
      codeBlock: false,
      hardBreak: false,
      heading: false,
      horizontalRule: false,
      italic: false,
      link: false,
      listItem: false,
      listKeymap: false,
      orderedList: false,
      strike: false,
      trailingNode: false,
      underline: false,
    }),
    ReportTitle,
    ReportHeading,
    ReportSignature,
    Figure,
    Lead,
    Extension.create({ name: 'reportFlags', addProseMirrorPlugins: () => [flagsPlugin(facts, years)] }),
  ];
}
