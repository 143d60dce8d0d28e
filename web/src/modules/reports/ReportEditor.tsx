import type { Draft } from '@domain/report/draft';
import { reportYears } from '@domain/report/untagged';
import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { draftToDoc, type FlagState, factSetOf } from './convert';
import { reportExtensions } from './extensions';
import { FigureCard, type HoveredFigure } from './FigureCard';
import type { FactSource } from './types';
import './reports.css';

interface Props {
  draft: Draft;
  facts: Record<string, FactSource>;
  editable: boolean;
  /** Called with the document after every change. */
  onChange(doc: JSONContent): void;
}

const CARD_WIDTH = 360;

/** The draft as a 公文 page in a TipTap editor; hovering a figure or a hand-typed number shows what it is. */
export function ReportEditor({ draft, facts, editable, onChange }: Props) {
  const factSet = useMemo(() => factSetOf(facts), [facts]);
  const changed = useRef(onChange);
  changed.current = onChange;
  const editor = useEditor(
    {
      extensions: reportExtensions(factSet, reportYears(draft)),
      content: draftToDoc(draft),
      editable,
      editorProps: { attributes: { class: 'jg-report-doc', 'aria-label': '工作总结正文', spellcheck: 'false' } },
      onUpdate: ({ editor: e }) => changed.current(e.getJSON()),
    },
    // One editor per version: the page remounts this component when the version changes.
    [],
  );
  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  const wrapper = useRef<HTMLDivElement>(null);
  const hideTimer = useRef<number>(undefined);
  const [hovered, setHovered] = useState<HoveredFigure>();
  const keep = () => window.clearTimeout(hideTimer.current);
  const hideSoon = () => {
    keep();
    hideTimer.current = window.setTimeout(() => setHovered(undefined), 250);
  };
  useEffect(() => () => window.clearTimeout(hideTimer.current), []);

  const onMouseOver = (event: MouseEvent) => {
    const target = event.target as HTMLElement;
    const figure = target.closest<HTMLElement>('.jg-fig');
    const untagged = figure ? null : target.closest<HTMLElement>('[data-flag="untagged"]');
    const element = figure ?? untagged;
    const box = wrapper.current?.getBoundingClientRect();
    if (!element || !box) return;
    keep();
    const rect = element.getBoundingClientRect();
    const position = {
      top: rect.bottom - box.top + 6,
      left: Math.max(0, Math.min(rect.left - box.left, box.width - CARD_WIDTH)),
    };
    if (figure) {
      const flag = (target.closest<HTMLElement>('[data-flag]') ?? figure.querySelector<HTMLElement>('[data-flag]'))
        ?.dataset.flag as FlagState | undefined;
      let value: number | string | null = null;
      try {
        value = JSON.parse(figure.dataset.value ?? 'null');
      } catch {
        // Left null: the card then shows no original value.
      }
      setHovered({
        ...position,
        kind: 'figure',
        factId: figure.dataset.factId ?? '',
        value,
        rendered: figure.dataset.rendered ?? null,
        text: figure.textContent ?? '',
        state: flag ?? 'current',
      });
    } else setHovered({ ...position, kind: 'untagged', text: element.textContent ?? '' });
  };
  const onMouseOut = (event: MouseEvent) => {
    const to = event.relatedTarget as HTMLElement | null;
    if (to?.closest?.('.jg-fig, [data-flag="untagged"], .jg-figure-card')) return;
    hideSoon();
  };

  return (
    <div
      ref={wrapper}
      className={`jg-report-paper${editable ? '' : ' jg-report-locked'}`}
      onMouseOver={onMouseOver}
      onMouseOut={onMouseOut}
      data-testid="report-editor"
    >
      <EditorContent editor={editor} />
      {hovered && (
        <FigureCard hovered={hovered} facts={facts} width={CARD_WIDTH} onMouseEnter={keep} onMouseLeave={hideSoon} />
      )}
    </div>
  );
}
