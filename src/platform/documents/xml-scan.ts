/**
 * A minimal streaming scanner for the well-formed XML inside OOXML packages: elements, attributes and text, with
 * entities decoded. No DTDs, no namespace resolution (names keep their prefix, e.g. `w:t`), which is all the DOCX
 * reader needs and keeps it free of a parser dependency.
 */
export interface XmlHandler {
  open?(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return NAMED_ENTITIES[entity] ?? whole;
  });
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    attributes[match[1]!] = decodeXmlEntities(match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/** Finds the `>` that ends a tag, skipping quoted attribute values (which may contain `>`). */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const char = xml[i];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return i;
  }
  return -1;
}

export function scanXml(xml: string, handler: XmlHandler): void {
  let position = 0;
  while (position < xml.length) {
    const lt = xml.indexOf('<', position);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > position) handler.text?.(decodeXmlEntities(xml.slice(position, textEnd)));
    if (lt === -1) return;

    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      position = end === -1 ? xml.length : end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      handler.text?.(xml.slice(lt + 9, end === -1 ? xml.length : end));
      position = end === -1 ? xml.length : end + 3;
    } else if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt + 2);
      position = end === -1 ? xml.length : end + 1;
    } else {
      const end = tagEnd(xml, lt + 1);
      if (end === -1) throw new Error('Malformed XML: unterminated tag');
      const body = xml.slice(lt + 1, end);
      if (body.startsWith('/')) {
        handler.close?.(body.slice(1).trim());
      } else {
        const selfClosing = body.endsWith('/');
        const inner = selfClosing ? body.slice(0, -1) : body;
        const nameEnd = inner.search(/[\s]/);
        const name = nameEnd === -1 ? inner : inner.slice(0, nameEnd);
        handler.open?.(name, nameEnd === -1 ? {} : parseAttributes(inner.slice(nameEnd)), selfClosing);
        if (selfClosing) handler.close?.(name);
      }
      position = end + 1;
    }
  }
}
