#!/usr/bin/env node
// `npm test`: everything CI runs — lint, format check, typecheck, every Vitest test (node and
// Chromium) — and a closing line `N passed, N failed` that counts the checks and the tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const only = process.argv.slice(2); // e.g. `npm test -- --skip-checks`
const skipChecks = only.includes('--skip-checks');
const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', shell: false });
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`}`);
  return ok;
}

function check(name, command, args) {
  if (run(name, command, args)) results.passed++;
  else {
    results.failed++;
    failures.push(name);
  }
}

const bin = (tool) => `node_modules/.bin/${tool}`;
if (!skipChecks) {
  check('eslint', bin('eslint'), ['.', '--max-warnings=0']);
  check('prettier', bin('prettier'), ['--check', '.']);
  check('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  check('storybook build', bin('storybook'), ['build', '--quiet', '-o', 'storybook-static']);
}

// The CLI and the reference backend run compiled (dist/node/): build them before the tests that
// spawn `node bin/madeto.js` (the Vitest global setup builds them too, for runs of single files).
check('build node', 'node', ['scripts/build-node.mjs']);

const report = '.vitest-results.json';
rmSync(report, { force: true });
const vitestOk = run('vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests ?? 0;
  results.failed += json.numFailedTests ?? 0;
  results.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  if (!vitestOk && (json.numFailedTests ?? 0) === 0) {
    results.failed++; // a suite that failed to load, or an unhandled error
    failures.push('vitest (suite error)');
  }
  for (const file of json.testResults ?? [])
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed') failures.push(`${file.name}: ${t.fullName}`);
} else {
  results.failed++;
  failures.push('vitest (no report written)');
}

if (failures.length) console.log(`\nFailed:\n  ${failures.join('\n  ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed === 0 ? 0 : 1);
