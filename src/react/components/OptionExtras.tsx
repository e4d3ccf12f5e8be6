import { memo, useSyncExternalStore } from 'react';
import type { AttributeExtras } from './useIdleExtras.ts';
import { useWidgetStatic } from './WidgetContext.tsx';

/**
 * The extras on screen for `attributeId`'s values (see `useIdleExtras`): the caller re-renders
 * when they arrive or turn pending, not with every click.
 */
export function useAttributeExtras(attributeId: string): AttributeExtras {
  const { extras } = useWidgetStatic();
  const read = () => extras.of(attributeId);
  return useSyncExternalStore(extras.subscribe, read, read);
}

/**
 * A value's extras line: its price delta, availability badge, state note (`note`, the words of
 * its state) and popular hint, `data-pending` while the extras on screen belong to an older state. Its own
 * component, so extras arriving (or turning pending with a click) re-render this line only.
 */
export const OptionExtras = memo(function OptionExtras({
  id,
  attributeId,
  valueKey,
  note,
  popular,
}: {
  id: string;
  attributeId: string;
  valueKey: string;
  note: string;
  /**
   * "Popular with buyers" when the shop shows hints and buyers choose this value most; `''` when
   * it shows hints and this value is not (or not yet) named: a segment or list row keeps the
   * hint's room, so its arrival after the first paint moves nothing.
   */
  popular?: string | undefined;
}) {
  const { byKey, pending } = useAttributeExtras(attributeId);
  const extras = byKey?.get(valueKey);
  return (
    <span
      id={id}
      className="madeto-option-extras"
      aria-hidden="true"
      data-pending={pending || undefined}
    >
      {extras?.priceDelta && <span className="madeto-delta">{extras.priceDelta}</span>}
      {extras?.availability && (
        <span className="madeto-badge" data-state={extras.availabilityState}>
          {extras.availability}
        </span>
      )}
      {note && <span className="madeto-state-note">{note}</span>}
      {popular !== undefined && (
        <span
          className={popular ? 'madeto-popular' : 'madeto-popular-room'}
          title={popular || undefined}
        >
          {popular}
        </span>
      )}
    </span>
  );
});
