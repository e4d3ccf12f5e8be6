import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/engine/orders/sha256.ts';
import { canonicalJson, contentHash, modelHash } from '../../../src/engine/orders/contentHash.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import { desk } from './orderFixture.ts';

const nodeSha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex matches node:crypto', () => {
  const inputs = [
    '',
    'abc',
    'a'.repeat(55), // the last length with padding in one block
    'a'.repeat(56), // the first that needs a second block
    'a'.repeat(64),
    'a'.repeat(1000),
    'Grüße aus Poznań ✓ 😀',
    JSON.stringify(desk.document),
  ];
  it.each(inputs.map((s) => [s.slice(0, 20), s]))('%s…', (_, s) => {
    expect(sha256Hex(s)).toBe(nodeSha(s));
  });
  it('the FIPS 180-2 "abc" vector', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: [{ d: 'x', c: null }], b: undefined }, '{"a":[{"c":null,"d":"x"}]}'],
    [[3, 'x', true, null], '[3,"x",true,null]'],
    ['é"', '"é\\""'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
  it('key order does not change the hash; content does', () => {
    expect(contentHash({ a: 1, b: [1, 2] })).toBe(contentHash({ b: [1, 2], a: 1 }));
    expect(contentHash({ a: 1, b: [1, 2] })).not.toBe(contentHash({ a: 1, b: [2, 1] }));
  });
});

describe('modelHash', () => {
  it('is the content hash of the document, the same for a re-parsed copy', () => {
    const again = parseModel(JSON.parse(JSON.stringify(desk.document)));
    expect(modelHash(desk)).toBe(`sha256:${nodeSha(canonicalJson(desk.document))}`);
    expect(modelHash(again)).toBe(modelHash(desk));
  });
  it('changes when the model changes', () => {
    const doc = structuredClone(desk.document) as any;
    doc.attributes[0].label = 'Frame (changed)';
    expect(modelHash(parseModel(doc))).not.toBe(modelHash(desk));
  });
});
