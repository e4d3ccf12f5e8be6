import { describe, expect, it } from 'vitest';
import { watchBuyerChanges } from '../../src/embed/buyerChanges.ts';

/** A buyer's input inside the widget, a selection it reports, or a new model. */
type Step = { input: string } | { report: Record<string, unknown>; complete?: boolean } | 'reset';

/** Plays `steps` on a fresh watcher; returns what `changed` answered for each report. */
function play(steps: readonly Step[]) {
  const root = new EventTarget();
  const changes = watchBuyerChanges(root);
  const answers: boolean[] = [];
  for (const step of steps) {
    if (step === 'reset') changes.reset();
    else if ('input' in step) root.dispatchEvent(new Event(step.input));
    else answers.push(changes.changed(step.report, step.complete ?? false));
  }
  changes.stop();
  return answers;
}

describe('watchBuyerChanges', () => {
  const cases: [string, Step[], boolean[]][] = [
    [
      'the load (defaults, URL, repair) before any input',
      [{ report: {} }, { report: { frame: 'steel' } }],
      [false, false],
    ],
    [
      'a change after a click',
      [{ report: {} }, { input: 'click' }, { report: { frame: 'steel' } }],
      [false, true],
    ],
    [
      'a change after a key, a pointer, an input or a change event',
      [
        { input: 'keydown' },
        { report: { a: 1 } },
        { input: 'pointerdown' },
        { report: { a: 2 } },
        { input: 'input' },
        { report: { a: 3 } },
        { input: 'change' },
        { report: { a: 4 } },
      ],
      [true, true, true, true],
    ],
    [
      'the same selection reported again (StrictMode replays effects)',
      [{ report: { frame: 'steel' } }, { input: 'click' }, { report: { frame: 'steel' } }],
      [false, false],
    ],
    [
      'the same selection with its keys in another order',
      [{ report: { a: 1, b: 2 } }, { input: 'click' }, { report: { b: 2, a: 1 } }],
      [false, false],
    ],
    [
      'only completeness changed',
      [{ report: { a: 1 } }, { input: 'click' }, { report: { a: 1 }, complete: true }],
      [false, true],
    ],
    [
      'an input that is not the buyer’s (focus, scroll)',
      [{ report: {} }, { input: 'focus' }, { input: 'scroll' }, { report: { a: 1 } }],
      [false, false],
    ],
    [
      'a new model after the buyer had used the widget',
      [
        { input: 'click' },
        { report: { a: 1 } },
        'reset',
        { report: { b: 1 } },
        { input: 'click' },
        { report: { b: 2 } },
      ],
      [true, false, true],
    ],
  ];
  it.each(cases)('%s', (_name, steps, expected) => {
    expect(play(steps)).toEqual(expected);
  });

  it('stops listening once stopped', () => {
    const root = new EventTarget();
    const changes = watchBuyerChanges(root);
    changes.stop();
    root.dispatchEvent(new Event('click'));
    expect(changes.changed({ a: 1 }, false)).toBe(false);
  });
});
