import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Issue 16: `npm i madeto` (the widget) installs none of the server's native packages, and the
// CLI and the reference backend ship compiled to JavaScript.

const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};
const server = ['better-sqlite3', 'pg', 'fastify', '@fastify/cors', 'kysely'];

describe('packaging', () => {
  it.each(server)('%s is an optional peer dependency, not a dependency', (name) => {
    expect(pkg.dependencies[name]).toBeUndefined();
    expect(pkg.peerDependencies[name]).toBeDefined();
    expect(pkg.peerDependenciesMeta[name]?.optional).toBe(true);
  });

  it('ships the compiled CLI and backend, and runs them without a TypeScript loader', () => {
    expect(pkg.dependencies['tsx']).toBeUndefined();
    expect(readFileSync(`${root}bin/madeto.js`, 'utf8')).not.toMatch(/tsx|\.ts['"]/);
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
    });
    const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map(
      (f) => f.path,
    );
    expect(files).toEqual(
      expect.arrayContaining(['bin/madeto.js', 'dist/node/cli.js', 'dist/node/verifyWorker.js']),
    );
    // The compiled files import no TypeScript source.
    const cli = readFileSync(`${root}dist/node/cli.js`, 'utf8');
    expect(cli).not.toMatch(/from ["'][^"']+\.ts["']|import\(["'][^"']+\.ts["']\)/);
    const r = spawnSync(
      process.execPath,
      ['bin/madeto.js', 'count', 'public/catalogue/desk.json'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    // Nothing on stderr but the note of which path answered (no loader warning, no error).
    expect(r.stderr).toBe('answered by the decision diagram\n');
    expect(r.stdout.trim()).toMatch(/^\d+$/);
  });
});
