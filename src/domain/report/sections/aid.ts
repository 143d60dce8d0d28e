/**
 * 学生资助: the aid module writes its paragraph itself (domain/aid/paragraph.ts, in seed 000's phrasing) and
 * publishes it as the fact `aid.paragraph`, whose `detail.parts` are the ParagraphPart[]; each figure's key is the
 * id of a fact the aid module publishes (money under `*.amount_fen`, unit 分). This section turns the parts into runs
 * tagged with those ids. Without the fact, or with an empty paragraph, there is no section.
 */
import type { ParagraphPart } from '../../aid/paragraph';
import type { ReportSection } from '../context';
import { figure, text } from '../draft';
import { mergePlainRuns } from '../figures';

export const AID_PARAGRAPH_FACT = 'aid.paragraph';

export const aidSection: ReportSection = {
  id: 'aid',
  order: 40,
  title: () => '落实学生资助政策，民生保障扎实有力',
  compose(ctx) {
    const parts = paragraphParts(ctx.facts.get(AID_PARAGRAPH_FACT)?.detail?.parts);
    if (parts.length === 0) return null;
    const runs = parts.map((part) =>
      part.figure ? figure(part.text, part.figure.key, part.figure.value) : text(part.text),
    );
    return [{ kind: 'paragraph', runs: mergePlainRuns(runs) }];
  },
};

// `detail` is untyped JSON: keep only well-formed parts, so a malformed fact yields no section rather than a crash.
function paragraphParts(value: unknown): ParagraphPart[] {
  if (!Array.isArray(value)) return [];
  const parts = value.filter((part): part is ParagraphPart => {
    if (typeof part !== 'object' || part === null || typeof part.text !== 'string') return false;
    const figurePart = (part as { figure?: unknown }).figure;
    if (figurePart === undefined) return true;
    const { key, value: number } = figurePart as { key?: unknown; value?: unknown };
    return typeof key === 'string' && typeof number === 'number';
  });
  return parts.length === value.length && parts.some((part) => part.text.trim() !== '') ? parts : [];
}
