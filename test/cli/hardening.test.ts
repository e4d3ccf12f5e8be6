import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDb } from '../server/serverProcess.ts';
import { madeto } from './run.ts';

// Issue 16: the CLI's error paths under attack, through the real bin.

const root = new URL('../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'madeto-cli-hardening-'));
const write = (name: string, text: string | Buffer) => {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
};
const catalogue = 'public/catalogue/';
const models = ['desk', 'bike', 'sofa'].flatMap((m) => ['--model', `${catalogue}${m}.json`]);

/** Runs `madeto serve` with `args` and `env`; resolves with its exit code (or 'still running' after 20 s). */
function serveExit(args: string[], env: Record<string, string> = {}): Promise<number | string> {
  const child = spawn(process.execPath, ['bin/madeto.js', 'serve', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('still running');
    }, 45_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? -1);
    });
  });
}

describe('issue 16: the CLI under attack', () => {
  it('defect 4: madeto serve exits 1 when start-up fails after the database opened', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = String((blocker.address() as { port: number }).port);
    try {
      expect(await serveExit(['--port', port, '--db', tempDb()])).toBe(1);
    } finally {
      blocker.close();
    }
    const same = {
      MADETO_REP_TOKEN: 'shared-token-123456',
      MADETO_MANAGER_TOKEN: 'shared-token-123456',
    };
    expect(await serveExit(['--port', '0', '--db', tempDb()], same)).toBe(1);
  }, 120_000);

  it('defect 14: promise names an unknown selection value and quantity 1e9 by JSON path, exit 1', () => {
    const request = JSON.parse(
      readFileSync(`${root}${catalogue}requests/promise-mixed.json`, 'utf8'),
    );
    const snapshot = ['--snapshot', `${catalogue}availability.json`];
    request.lines[0].selection.frame = 'nope';
    const value = madeto(
      'promise',
      ...snapshot,
      '--request',
      write('value.json', JSON.stringify(request)),
      ...models,
    );
    expect(value.code).toBe(1);
    expect(value.stderr).toContain('$.lines[0].selection.frame');
    expect(value.stderr).not.toContain('internal error');
    request.lines[0].selection.frame = 'steel';
    request.lines[0].quantity = 1e9;
    const huge = madeto(
      'promise',
      ...snapshot,
      '--request',
      write('huge.json', JSON.stringify(request)),
      ...models,
    );
    expect(huge.code).toBe(1);
    expect(huge.stderr).toContain('$.lines[0].quantity');
  });

  it('defect 11: a JSON file with a syntax error, a __proto__ key, deep nesting or invalid UTF-8 is named, exit 1', () => {
    const cases: [string, string | Buffer, string][] = [
      ['syntax.json', '{\n  "id": "X",\n  "name": }', 'line 3, column 11'],
      ['proto.json', '{"attributes":[{"__proto__":{}}]}', '$.attributes[0].__proto__'],
      ['deep.json', '['.repeat(10_000) + ']'.repeat(10_000), 'nested deeper than 64 levels'],
      ['latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]), 'not valid UTF-8'],
    ];
    for (const [name, text, expected] of cases) {
      const r = madeto('lint', write(name, text));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(expected);
      expect(r.stderr).not.toContain('internal error');
    }
  });

  it('defect 3: a command named like an Object member is unknown (exit 2), not an internal error', () => {
    const r = madeto('constructor');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'constructor'");
  });
});
