import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { Configurator } from '../../src/react/components/Configurator.tsx';
import { compile, encodeCompiled, parseModel, serializeCompiled } from '../../src/engine/index.ts';
import deskJson from '../fixtures/minimal/desk.json';
import showcaseJson from '../fixtures/widget/showcase.json';
import { cleanup, render } from './render.tsx';
import '../../src/react/styles/madeto.css';

const desk = parseModel(deskJson);
const showcase = parseModel(showcaseJson);
const option = (name: string) => page.getByRole('radio', { name }).element().closest('label')!;

/** A compiled file as `madeto compile --binary` writes it, served from a blob URL. */
const compiledUrl = (json: unknown) => {
  const model = parseModel(json);
  const bytes = encodeCompiled(serializeCompiled(compile(model), json));
  return URL.createObjectURL(new Blob([bytes as BlobPart]));
};

afterEach(cleanup);

describe('<Configurator compiled="…">: the worker loads a compiled file', () => {
  it('answers from the loaded diagram: a conflict is explained and repaired', async () => {
    render(
      <Configurator model={desk} layout="all" urlKey={false} compiled={compiledUrl(deskJson)} />,
    );
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    await expect.poll(() => option('Oak').dataset.state).toBe('conflict');
    await page.getByRole('radio', { name: 'Oak' }).click();
    const dialog = page.getByRole('dialog');
    await expect.element(dialog).toHaveTextContent('Oak tops come only on the steel frame.');
    await dialog.getByRole('button', { name: 'Apply change' }).click();
    await expect.element(page.getByRole('radio', { name: 'Oak' })).toBeChecked();
  });

  it('a compiled file of another model is the engine error BAD_COMPILED, named', async () => {
    const errors: { code: string; message: string }[] = [];
    render(
      <Configurator
        model={desk}
        layout="all"
        urlKey={false}
        compiled={compiledUrl(showcaseJson)}
        onLoadError={(e) => errors.push(e)}
      />,
    );
    await expect.poll(() => errors.length, { timeout: 15_000 }).toBe(1);
    expect(errors[0]!.code).toBe('engine');
    expect(errors[0]!.message).toMatch(
      new RegExp(`compiled for ${showcase.id}@\\S+, not ${desk.id}@`),
    );
  });
});
