// Vitest global setup: compiles the Node side (dist/node/) once before any test spawns
// `node bin/madeto.js`, so the tests run the same JavaScript that ships.
// @ts-expect-error: a plain ES module without types
import { buildNode } from '../scripts/build-node.mjs';

export default async function setup(): Promise<void> {
  await buildNode({ quiet: true });
}
