import { describe, expect, it } from 'vitest';
import { compile, domains } from '../../../src/engine/index.ts';
import { pictureSelection } from '../../../src/react/preview/peekStore.ts';
import { modelOf } from '../../catalogueFiles.ts';

describe('the selection the picture draws', () => {
  const sofa = modelOf('SOFA');
  const compiled = compile(sofa);

  it.each([
    // A corner module at the left end rules out a left armrest: the default (both) gives way to
    // the first armrest choice still open (none; left and both are out).
    [{ 'seat.count': 2, 'seat[1].seatType': 'corner' }, 'arms', 'none'],
    // A recliner comes with its headrest: the default (no headrest) gives way to yes.
    [{ 'seat.count': 2, 'seat[1].seatType': 'recliner' }, 'seat[1].headrest', true],
    // Nothing rules the defaults out: they are drawn as they are.
    [{ 'seat.count': 2 }, 'arms', 'both'],
    [{ 'seat.count': 2 }, 'seat[1].headrest', false],
  ] as const)('%j draws %s = %j', (chosen, attribute, drawn) => {
    const open = domains(compiled, chosen);
    expect(pictureSelection(sofa, chosen, open)[attribute]).toBe(drawn);
    // Without domains (not known yet): the model's defaults.
    expect(pictureSelection(sofa, chosen)[attribute]).toBe(
      sofa.attributes.find((a) => a.id === attribute)!.default,
    );
  });

  it('keeps what the buyer chose even where the domains rule it out (a conflict is shown as chosen)', () => {
    const chosen = { 'seat.count': 2, 'seat[1].seatType': 'corner', arms: 'both' } as const;
    expect(pictureSelection(sofa, chosen, domains(compiled, chosen))['arms']).toBe('both');
  });
});
