import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinHandlers, builtinResolvers, makeFsImporter, parse } from 'react-docgen';
import { describe, expect, it } from 'vitest';

/**
 * Storybook's Docs pages (autodocs, `.storybook/preview.ts`) show a props table for every public
 * component: each component the library exports (`src/embed/lib/index.ts` and the indexes it
 * re-exports) is named by a story file's meta (`component` or `subcomponents`), and react-docgen,
 * run as Storybook's Vite plugin runs it (the exported-definitions resolver, the built-in
 * handlers, imports followed on disk), finds its props in its own file, each with its doc comment.
 * A component made by a factory (`createConfigurator(…)`) has none: that is what this catches.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `export { A, B as C } from './x.ts'` (not `export type`) in a file: exported name → source. */
function reExports(file: string): Map<string, string> {
  const out = new Map<string, string>();
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/export\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    if (/export\s+type\s*\{/.test(m[0])) continue;
    for (const part of m[1]!.split(',')) {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      if (name && !name.startsWith('type ')) out.set(alias ?? name, resolve(dirname(file), m[2]!));
    }
  }
  for (const m of text.matchAll(/export\s*\*\s*from\s*'([^']+)'/g)) {
    const target = resolve(dirname(file), m[1]!);
    if (target.includes('/src/react/')) for (const [k, v] of reExports(target)) out.set(k, v);
  }
  return out;
}

/** The file that declares `name`, following re-exports from index files. */
function declaringFile(name: string, file: string): string {
  const text = readFileSync(file, 'utf8');
  if (new RegExp(`export (?:function|const|class) ${name}\\b`).test(text)) return file;
  const next = reExports(file).get(name);
  if (!next) throw new Error(`${name} is neither declared nor re-exported in ${file}`);
  return declaringFile(name, next);
}

const library = join(root, 'src/embed/lib/index.ts');
/** The components the library exports: PascalCase values declared in a `.tsx` file, not classes. */
const components = [...reExports(library).keys()]
  .filter((name) => /^[A-Z][a-z]/.test(name))
  .map((name) => ({ name, file: declaringFile(name, library) }))
  .filter(
    ({ name, file }) =>
      file.endsWith('.tsx') &&
      !new RegExp(`export class ${name}\\b`).test(readFileSync(file, 'utf8')),
  );

const storyFiles = readdirSync(join(root, 'stories'))
  .filter((f) => f.endsWith('.stories.tsx'))
  .map((f) => ({ f, text: readFileSync(join(root, 'stories', f), 'utf8') }));

describe('Docs pages: a props table for every public component', () => {
  it('finds the public components (the library exports them)', () => {
    expect(components.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Configurator', 'BuyerConfigurator', 'QuoteDocument', 'PanelStack']),
    );
  });

  it.each(components.map((c) => [c.name, c.file] as const))(
    '%s: a story file names it; its props are found in its file, each described',
    (name, file) => {
      const named = storyFiles.filter(({ text }) =>
        new RegExp(`\\bcomponent: ${name},|\\bsubcomponents: \\{[^}]*\\b${name}\\b[^}]*\\}`).test(
          text,
        ),
      );
      expect(
        named.map((s) => s.f),
        `a story meta naming ${name}`,
      ).not.toEqual([]);
      const docs = parse(readFileSync(file, 'utf8'), {
        filename: file,
        resolver: new builtinResolvers.FindExportedDefinitionsResolver(),
        handlers: Object.values(builtinHandlers),
        importer: makeFsImporter(),
      });
      const doc = docs.find((d) => d.displayName === name);
      expect(doc, `react-docgen's definition of ${name}`).toBeDefined();
      const props = Object.entries(doc!.props ?? {});
      expect(props.length, `${name}'s props`).toBeGreaterThan(0);
      // Each row of the table says what the prop is for (its doc comment).
      expect(props.filter(([, p]) => !p.description).map(([prop]) => prop)).toEqual([]);
    },
  );
});
