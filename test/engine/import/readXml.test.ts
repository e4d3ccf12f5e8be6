import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/engine/import/ImportError.ts';
import { readXml } from '../../../src/engine/import/readXml.ts';

describe('readXml', () => {
  it.each([
    [
      'attributes in both quotes',
      `<a x="1" y='2'/>`,
      { name: 'a', attributes: { x: '1', y: '2' }, text: '' },
    ],
    [
      'entities and character references',
      '<a t="&lt;&amp;&gt;">&quot;&#65;&#x42;&apos;</a>',
      { attributes: { t: '<&>' }, text: `"AB'` },
    ],
    [
      'CDATA, comments, declaration, doctype',
      '<?xml version="1.0"?>\n<!DOCTYPE a>\n<!-- c -->\n<a><![CDATA[1 < 2]]><!-- inner --></a>',
      { name: 'a', text: '1 < 2' },
    ],
  ])('%s', (_, xml, expected) => {
    expect(readXml(xml)).toMatchObject(expected);
  });

  it('keeps children in order with the line of each start tag', () => {
    const root = readXml('<r>\n  <a/>\n  <b>\n    <c/>\n  </b>\n</r>');
    expect(root.children.map((c) => [c.name, c.line])).toEqual([
      ['a', 2],
      ['b', 3],
    ]);
    expect(root.children[1]?.children[0]?.line).toBe(4);
  });

  it.each([
    ['', 1, /no root element/],
    ['<a>', 1, /<a> \(line 1\) is never closed/],
    ['<a>\n</b>', 2, /<\/b> does not close <a>/],
    ['<a/>\n<b/>', 2, /a second root element <b>/],
    ['<a x=1/>', 1, /malformed attribute/],
    ['<a x="1" x="2"/>', 1, /appears twice/],
    ['<a>\n&nbsp;</a>', 2, /unknown entity &nbsp;/],
    ['<a>\nR&D</a>', 2, /bare '&'/],
    ['<a><!-- open</a>', 1, /comment that is never closed/],
    ['</a>', 1, /without a start tag/],
    ['<a>&#x110000;</a>', 1, /out of range/],
  ])('rejects %j at line %i', (xml, line, message) => {
    let caught: unknown;
    try {
      readXml(xml);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImportError);
    expect((caught as ImportError).line).toBe(line);
    expect((caught as ImportError).message).toMatch(message);
  });
});
