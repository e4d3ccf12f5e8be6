#!/usr/bin/env node
// Compiles the Node side of Madeto — the `madeto` CLI, the reference backend (`madeto serve`,
// its verifier threads) and `npm start`'s dev server — from TypeScript to JavaScript in
// dist/node/, so nothing runs through a TypeScript loader at run time. Dependencies stay
// external (imported from node_modules). Runs from `npm install` (prepare), `npm start`, `npm test`
// and the Vitest global setup; it takes well under a second.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/node`;

/** Builds dist/node; resolves with the entry files written. */
export async function buildNode({ quiet = false } = {}) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      cli: 'src/cli/main.ts',
      verifyWorker: 'src/server/verifyWorker.ts',
      dev: 'src/server/dev.ts',
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Every file, chunks included, sits in dist/node/: `new URL('./verifyWorker.js', import.meta.url)` works from any.
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    logLevel: quiet ? 'error' : 'warning',
    metafile: true,
  });
  if (!quiet) {
    const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
    console.log(`build-node: ${files.length} files in dist/node/`);
  }
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  await buildNode({ quiet: process.argv.includes('--quiet') });
