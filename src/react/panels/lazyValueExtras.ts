import type { ValueExtrasFn } from '../engine/valueExtras.ts';
import { loadValueExtras } from './loadValueExtras.ts';

/**
 * `createValueExtras()` as the embed's widgets use it: a value-extras function whose code is
 * loaded by `ready()` (the widget asks before its idle work, `useIdleExtras`); until then it has
 * nothing to say. A load that fails is asked again at the next `ready()`.
 *
 * @example
 * <Configurator model={desk} pricing={pricing} availability={snapshot} valueExtras={lazyValueExtras()} />
 */
export function lazyValueExtras(): ValueExtrasFn {
  let real: ValueExtrasFn | undefined;
  let loading: Promise<void> | undefined;
  const fn: ValueExtrasFn = (attribute, key, context) => real?.(attribute, key, context);
  fn.ready = () =>
    (loading ??= loadValueExtras().then(
      (create) => {
        real = create();
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  return fn;
}
