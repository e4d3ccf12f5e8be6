import { ImportError } from './ImportError.ts';

/** An element of a parsed XML document, with the 1-based line where its start tag begins. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (text and CDATA), entities decoded, children excluded. */
  text: string;
  line: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const END_TAG = /<\/\s*([A-Za-z_:][A-Za-z0-9_:.-]*)\s*>/y;
const SPACE = /\s*/y;
const ATTRIBUTE = /([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

/** Matches a sticky regular expression at `pos`. */
function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/**
 * A small XML reader for the importers (the engine has no DOM): elements, attributes, text, CDATA,
 * comments, the XML declaration and a DOCTYPE line. Namespaces and DTD entities are not supported.
 * Malformed input throws an `ImportError` naming the line.
 *
 * @example
 * readXml('<a x="1"><b>hi</b></a>').children[0]?.text; // 'hi'
 */
export function readXml(text: string, format: 'xcsp' | 'dimacs' = 'xcsp'): XmlElement {
  let pos = 0;
  let line = 1;
  const fail: (detail: string, at?: number) => never = (detail, at = line) => {
    throw new ImportError(format, at, detail);
  };
  const advanceTo = (end: number): void => {
    for (let i = pos; i < end; i++) if (text.charCodeAt(i) === 10) line++;
    pos = end;
  };
  /** Decodes entities; `at` is the line where `raw` starts (errors name the entity's own line). */
  const decode = (raw: string, at: number): string => {
    if (!raw.includes('&')) return raw;
    return raw.replace(
      /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g,
      (whole: string, ref: string | undefined, offset: number) => {
        const where = at + (raw.slice(0, offset).match(/\n/g)?.length ?? 0);
        if (ref === undefined) return fail("a bare '&' (write &amp;)", where);
        if (ref.startsWith('#')) {
          const code = ref.startsWith('#x')
            ? parseInt(ref.slice(2), 16)
            : parseInt(ref.slice(1), 10);
          if (code > 0x10ffff) fail(`character reference ${whole} is out of range`, where);
          return String.fromCodePoint(code);
        }
        return ENTITIES[ref] ?? fail(`unknown entity ${whole}`, where);
      },
    );
  };

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunkEnd = lt < 0 ? text.length : lt;
    if (chunkEnd > pos) {
      const chunk = text.slice(pos, chunkEnd);
      const top = stack[stack.length - 1];
      if (top) top.text += decode(chunk, line);
      else if (chunk.trim() !== '')
        fail(`text outside the root element: '${chunk.trim().slice(0, 30)}'`);
      advanceTo(chunkEnd);
      continue;
    }
    const start = line;
    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end < 0) fail('a comment that is never closed (missing -->)');
      advanceTo(end + 3);
    } else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos);
      if (end < 0) fail('a CDATA section that is never closed (missing ]]>)');
      const top = stack[stack.length - 1] ?? fail('CDATA outside the root element');
      top.text += text.slice(pos + 9, end);
      advanceTo(end + 3);
    } else if (text.startsWith('<?', pos) || text.startsWith('<!', pos)) {
      const end = text.indexOf('>', pos);
      if (end < 0) fail('a declaration that is never closed (missing >)');
      advanceTo(end + 1);
    } else if (text.startsWith('</', pos)) {
      const match = matchAt(END_TAG, text, pos) ?? fail('a malformed end tag');
      const name = match[1]!;
      const open = stack.pop() ?? fail(`end tag </${name}> without a start tag`);
      if (open.name !== name)
        fail(`end tag </${name}> does not close <${open.name}> (opened on line ${open.line})`);
      advanceTo(pos + match[0].length);
    } else {
      advanceTo(pos + 1);
      const nameMatch = matchAt(NAME, text, pos) ?? fail(`a '<' not followed by a tag name`);
      const element: XmlElement = {
        name: nameMatch[0],
        attributes: {},
        children: [],
        text: '',
        line: start,
      };
      advanceTo(pos + nameMatch[0].length);
      let selfClosing = false;
      for (;;) {
        advanceTo(pos + (matchAt(SPACE, text, pos)?.[0].length ?? 0));
        if (pos >= text.length) fail(`the tag <${element.name}> is never closed`, start);
        if (text.startsWith('/>', pos)) {
          selfClosing = true;
          advanceTo(pos + 2);
          break;
        }
        if (text.charAt(pos) === '>') {
          advanceTo(pos + 1);
          break;
        }
        const attr =
          matchAt(ATTRIBUTE, text, pos) ??
          fail(`a malformed attribute in <${element.name}> (expected name="value")`);
        const [whole, attrName, dq, sq] = attr;
        if (element.attributes[attrName!] !== undefined)
          fail(`the attribute '${attrName}' appears twice in <${element.name}>`);
        element.attributes[attrName!] = decode(dq ?? sq ?? '', line);
        advanceTo(pos + whole.length);
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) fail(`a second root element <${element.name}>`, start);
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  const unclosed = stack.pop();
  if (unclosed) fail(`<${unclosed.name}> (line ${unclosed.line}) is never closed`);
  return root ?? fail('no root element: the file is empty or not XML', 1);
}
