import { createHash } from 'node:crypto';
import type { FactRef } from '../../domain/report/draft';

/**
 * How a figure's fact survives in a DOCX. Each figure run is wrapped in a bookmark `jgf_<hash>_<n>`: `<hash>` is the
 * first 10 hex digits of SHA-256(factId), `<n>` the figure's 1-based position in the document. Word limits bookmark
 * names to 40 characters of [A-Za-z0-9_] starting with a letter, so the fact id itself cannot be the name.
 *
 * The full record (fact id, fact value, rendered text) goes into a custom document property named like the bookmark
 * (docProps/custom.xml). Custom properties survive Word, WPS and LibreOffice saves, including a DOCX→ODT→DOCX round
 * trip, where a customXml part is dropped. If the properties are lost anyway, the hash still lets `report check`
 * recognise a bookmark by hashing the fact ids it knows (see `bookmarkMatchesFact`).
 */
export const FIGURE_BOOKMARK_PREFIX = 'jgf_';

/** Marks a document written by this module; its value is the encoding version. */
export const FIGURE_FORMAT_PROPERTY = 'jgf_format';
export const FIGURE_FORMAT_VERSION = '1';

const HASH_LENGTH = 10;
const BOOKMARK_PATTERN = /^jgf_([0-9a-f]{10})_([1-9][0-9]*)$/;
// Word's dialog shows and edits custom property values up to 255 characters; longer records are split.
const PROPERTY_VALUE_LIMIT = 255;
const CONTINUATION = '.';

export interface FigureRecord {
  bookmark: string;
  factId: string;
  /** The fact's value when the document was rendered. */
  value: FactRef['value'];
  /** The figure's text as rendered. */
  rendered: string;
}

export interface CustomProperty {
  name: string;
  value: string;
}

export function factIdHash(factId: string): string {
  return createHash('sha256').update(factId, 'utf8').digest('hex').slice(0, HASH_LENGTH);
}

export function figureBookmarkName(factId: string, ordinal: number): string {
  return `${FIGURE_BOOKMARK_PREFIX}${factIdHash(factId)}_${ordinal}`;
}

export function parseFigureBookmarkName(name: string): { hash: string; ordinal: number } | null {
  const match = BOOKMARK_PATTERN.exec(name);
  return match ? { hash: match[1]!, ordinal: Number(match[2]) } : null;
}

/** Whether a figure bookmark was made for this fact: the fallback when the custom properties are gone. */
export function bookmarkMatchesFact(bookmark: string, factId: string): boolean {
  return parseFigureBookmarkName(bookmark)?.hash === factIdHash(factId);
}

/** Splits on code points so a surrogate pair is never cut (a lone surrogate is invalid XML). */
function splitValue(value: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of value) {
    if (piece.length + char.length > PROPERTY_VALUE_LIMIT) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}

/** The custom properties that carry the records: `<bookmark>`, then `<bookmark>.2`, `.3`… for long ones. */
export function figureProperties(records: readonly FigureRecord[]): CustomProperty[] {
  const properties: CustomProperty[] = [{ name: FIGURE_FORMAT_PROPERTY, value: FIGURE_FORMAT_VERSION }];
  for (const record of records) {
    const json = JSON.stringify({ f: record.factId, v: record.value, t: record.rendered });
    splitValue(json).forEach((value, i) => {
      properties.push({ name: i === 0 ? record.bookmark : `${record.bookmark}${CONTINUATION}${i + 1}`, value });
    });
  }
  return properties;
}

function isFactValue(value: unknown): value is FactRef['value'] {
  return value === null || typeof value === 'number' || typeof value === 'string';
}

/** Reassembles the records from a document's custom properties; unreadable entries are skipped. */
export function readFigureProperties(properties: ReadonlyMap<string, string>): Map<string, FigureRecord> {
  const records = new Map<string, FigureRecord>();
  for (const [name, first] of properties) {
    if (!parseFigureBookmarkName(name)) continue;
    let json = first;
    for (let i = 2; properties.has(`${name}${CONTINUATION}${i}`); i++)
      json += properties.get(`${name}${CONTINUATION}${i}`);
    try {
      const parsed = JSON.parse(json) as { f?: unknown; v?: unknown; t?: unknown };
      if (typeof parsed.f !== 'string' || typeof parsed.t !== 'string' || !isFactValue(parsed.v)) continue;
      records.set(name, { bookmark: name, factId: parsed.f, value: parsed.v, rendered: parsed.t });
    } catch {
      // A hand-edited property that is no longer JSON: treat the figure as unmapped.
    }
  }
  return records;
}
