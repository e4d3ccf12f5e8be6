import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { Configurator } from '../../src/react/components/Configurator.tsx';
import { parseModel } from '../../src/engine/model/parseModel.ts';
import deskJson from '../fixtures/minimal/desk.json';
import { seriousViolations } from './axe.ts';
import { cleanup, render } from './render.tsx';
import '../../src/react/styles/madeto.css';

const desk = parseModel(deskJson);
const option = (name: string) => page.getByRole('radio', { name }).element().closest('label')!;

afterEach(cleanup);

describe('<Configurator locale="de-DE"> speaks German', () => {
  it('toolbar, steps and summary carry German names; axe is clean', async () => {
    render(<Configurator model={desk} locale="de-DE" urlKey={false} />);
    const toolbar = page.getByRole('toolbar', { name: 'Konfigurationswerkzeuge' });
    await expect.element(toolbar).toBeVisible();
    for (const name of ['Rückgängig', 'Wiederholen', 'Zurücksetzen', 'Günstigste', 'Schnellste'])
      await expect.element(toolbar.getByRole('button', { name })).toBeVisible();
    await expect
      .element(toolbar.getByRole('group', { name: 'Für mich vervollständigen' }))
      .toBeVisible();
    await expect.element(page.getByRole('navigation', { name: 'Schritte' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Weiter', exact: true })).toBeEnabled();
    await expect
      .element(page.getByRole('button', { name: 'Zurück', exact: true }))
      .toHaveAttribute('aria-disabled', 'true');
    await expect.element(page.getByRole('complementary', { name: 'Übersicht' })).toBeVisible();
    await expect
      .element(page.getByTestId('selection'))
      .toHaveTextContent('Noch nichts ausgewählt.');
    expect(page.getByRole('button', { name: 'Undo' }).elements()).toEqual([]);
    expect(await seriousViolations(document.body)).toEqual([]);
  });

  it('announcements, value notes and the explanation dialog are German', async () => {
    render(<Configurator model={desk} locale="de-DE" layout="all" urlKey={false} />);
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    await expect.element(page.getByRole('status').last()).toHaveTextContent('Frame: Aluminium.');
    await page.getByRole('radio', { name: 'Laminate' }).click();
    await expect.poll(() => option('Oak').dataset.state).toBe('conflict');
    expect(option('Oak').textContent).toContain('erfordert andere Änderungen');
    await page.getByRole('radio', { name: 'Oak' }).click();
    const dialog = page.getByRole('dialog');
    await expect.element(dialog).toHaveTextContent('„Oak“ erfordert andere Änderungen');
    const changes = dialog.getByRole('list', { name: 'Änderungen' });
    await expect.element(changes).toHaveTextContent('Frame: Aluminium → Steel');
    await expect.element(dialog.getByRole('button', { name: 'Abbrechen' })).toBeVisible();
    expect(await seriousViolations(document.body)).toEqual([]);
    await dialog.getByRole('button', { name: 'Änderung übernehmen' }).click();
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    await expect.element(page.getByRole('status').last()).toHaveTextContent('Geändert:');
    await expect.element(page.getByText('Erlaubt:', { exact: false })).toBeVisible();
  });

  it.each([
    ['de-AT', 'Rückgängig'],
    ['en-GB', 'Undo'],
    ['fr-FR', 'Undo'],
  ])('locale %s: the undo button is "%s"', async (locale, name) => {
    render(<Configurator model={desk} locale={locale} urlKey={false} />);
    await expect.element(page.getByRole('button', { name })).toBeVisible();
  });
});
