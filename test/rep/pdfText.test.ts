import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfText } from './pdfText.ts';

/** A one-page PDF with one Type0 font whose ToUnicode CMap is `cmap`, showing `content`. */
function pdf(content: string, cmap: string, flate = true): Buffer {
  const stream = (body: string) => {
    const data = flate ? deflateSync(Buffer.from(body, 'latin1')) : Buffer.from(body, 'latin1');
    return Buffer.concat([
      Buffer.from(`<<${flate ? '/Filter /FlateDecode\n' : ''}/Length ${data.length}>> stream\n`),
      data,
      Buffer.from('\nendstream'),
    ]);
  };
  const objects: Buffer[] = [
    Buffer.from('<</Type /Catalog /Pages 2 0 R>>'),
    Buffer.from('<</Type /Pages /Count 1 /Kids [3 0 R]>>'),
    Buffer.from('<</Type /Page /Resources <</Font <</F7 5 0 R>>>> /Contents 4 0 R /Parent 2 0 R>>'),
    stream(content),
    Buffer.from('<</Type /Font /Subtype /Type0 /Encoding /Identity-H /ToUnicode 6 0 R>>'),
    stream(cmap),
  ];
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n'),
    ...objects.map((o, i) =>
      Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]),
    ),
    Buffer.from('trailer <</Root 1 0 R>>\n%%EOF\n'),
  ]);
}

// Glyphs 1..4 are "Q", "u", "o", "t" (bfchar); 5..7 are "a".."c" (a bfrange counting up);
// 8..11 are "€", "ffi", a space and the ligature "ﬁ" (a bfrange with a list).
const CMAP = `/CIDInit /ProcSet findresource begin
begincmap
4 beginbfchar
<0001> <0051>
<0002> <0075>
<0003> <006F>
<0004> <0074>
endbfchar
2 beginbfrange
<0005> <0007> <0061>
<0008> <000B> [<20AC> <006600660069> <0020> <FB01>]
endbfrange
endcmap`;

describe('pdfText', () => {
  it.each([
    ['Tj with hex glyphs', 'BT /F7 12 Tf <000100020003000400050005> Tj ET', 'Quotaa'],
    ['a bfrange counting up, and a list', 'BT /F7 12 Tf <00050006000700080009> Tj ET', 'abc€ffi'],
    [
      'TJ: a wide gap is a space, a kern is not',
      'BT /F7 12 Tf [<0001> 12 <0002> -400 <0003>] TJ ET',
      'Qu o',
    ],
    [
      'two text objects are two lines',
      'BT /F7 12 Tf <0001> Tj ET BT /F7 12 Tf <0002> Tj ET',
      'Q\nu',
    ],
    [
      'a move down is a new line, a move along is not',
      'BT /F7 12 Tf <0001> Tj 30 0 Td <0002> Tj 0 -14 Td <0003> Tj ET',
      'Qu\no',
    ],
    ["' starts a new line", "BT /F7 12 Tf <0001> Tj <0002> ' ET", 'Q\nu'],
    ['a space glyph', 'BT /F7 12 Tf <0001000A0002> Tj ET', 'Q u'],
    ['a ligature is spelt out', 'BT /F7 12 Tf <000B0002> Tj ET', 'fiu'],
  ])('%s', (_, content, text) => {
    expect(pdfText(pdf(content, CMAP)).trim()).toBe(text);
  });

  it('reads uncompressed streams too', () => {
    expect(pdfText(pdf('BT /F7 9 Tf <0004> Tj ET', CMAP, false)).trim()).toBe('t');
  });

  it('refuses a file that is not a PDF', () => {
    expect(() => pdfText(Buffer.from('<html></html>'))).toThrow(/not a PDF/);
  });
});
