// Under React StrictMode (the dev server's `npm start`) a widget's effects run twice on mount:
// its configuration is still opened once, its first choices reported once, one session in all.
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { Configurator } from '../../../src/react/components/Configurator.tsx';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { EventBatch } from '../../../src/engine/index.ts';
import { createInsightsLink } from '../../../src/react/insights/insightsLink.ts';
import deskJson from '../../fixtures/minimal/desk.json';
import { cleanup, render } from '../render.tsx';
import '../../../src/react/styles/madeto.css';

const desk = parseModel(deskJson);

afterEach(cleanup);

describe('configuration events under React StrictMode', () => {
  it('one "opened" and one session for one widget; sent when it goes', async () => {
    const sent: EventBatch[] = [];
    const link = createInsightsLink('shop', async (batch) => {
      sent.push(batch);
    });
    render(
      <StrictMode>
        <Configurator model={desk} layout="all" urlKey={false} insights={link} />
      </StrictMode>,
    );
    await page.getByRole('radio', { name: 'Aluminium' }).click();
    await expect.element(page.getByRole('radio', { name: 'Aluminium' })).toBeChecked();
    cleanup();
    await expect.poll(() => sent.length).toBeGreaterThan(0);
    const events = sent.flatMap((b) => b.events);
    expect(events.filter((e) => e.type === 'opened')).toHaveLength(1);
    expect(new Set(events.map((e) => e.session)).size).toBe(1);
    // The minimal desk starts empty: one choice, then the widget goes before completing.
    expect(
      events.map((e) => (e.type === 'chosen' ? `${e.attributeId}=${e.value}` : e.type)),
    ).toEqual(['opened', 'frame=aluminium', 'abandoned']);
  });
});
