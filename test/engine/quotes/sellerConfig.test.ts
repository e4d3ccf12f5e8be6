import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSellerFile } from '../../../src/engine/index.ts';
import { parseSellerConfig } from '../../../src/react/rep/sellerConfig.ts';
import { DEFAULT_SELLER, loadSeller } from '../../../src/server/seller.ts';

const catalogue = new URL('../../../public/catalogue/', import.meta.url).pathname;

describe('seller.json: one schema for the backend and the rep editor', () => {
  it('the sample file reads the same on both sides', () => {
    const json = JSON.parse(readFileSync(join(catalogue, 'seller.json'), 'utf8')) as unknown;
    const server = loadSeller(catalogue);
    expect(parseSellerConfig(json)).toEqual(server);
    expect(server.seller.name).toBe('Madeto Werkstätten GmbH');
  });

  it('missing terms get the same defaults on both sides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'madeto-seller-'));
    const file = { name: 'Acme', address: ['Main St 1'] };
    writeFileSync(join(dir, 'seller.json'), JSON.stringify(file));
    expect(parseSellerConfig(file)).toEqual(loadSeller(dir));
    expect(loadSeller(dir).paymentTerms).toBe(DEFAULT_SELLER.paymentTerms);
  });

  it('a misspelt key, an empty name and a long address are named by their JSON path, on both sides', () => {
    const bad = { name: ' ', address: Array(9).fill('x'), logoURL: '/logo.svg' };
    const parsed = parseSellerFile(bad);
    expect(parsed.ok).toBe(false);
    const paths = parsed.ok ? [] : parsed.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['$.name', '$.address', '$']));
    expect(() => parseSellerConfig(bad)).toThrow(/\$\.name: .*\$\.address: /);
    const dir = mkdtempSync(join(tmpdir(), 'madeto-seller-'));
    writeFileSync(join(dir, 'seller.json'), JSON.stringify(bad));
    expect(() => loadSeller(dir)).toThrow(/seller\.json: .*\$\.name: /);
  });
});
