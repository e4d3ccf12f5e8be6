#!/usr/bin/env node
// The `madeto` command: runs the CLI compiled to JavaScript in dist/node/ (scripts/build-node.mjs;
// `npm install`, `npm start` and `npm test` build it). No TypeScript loader at run time.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/node/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'madeto: the compiled CLI is missing (dist/node/cli.js); run `npm run build:node` first\n',
  );
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
