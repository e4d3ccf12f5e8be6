import { useRef, useSyncExternalStore } from 'react';
import type { SessionSnapshot } from '../../core/index.ts';
import type { Domains } from '../../engine/index.ts';
import { useWidgetStatic } from './WidgetContext.tsx';

/** Whether two selected values are the same for rendering. */
export type Equality<T> = (a: T, b: T) => boolean;

/**
 * Two values are the same when they are identical or, for arrays and plain records, when they hold
 * identical items (one level deep): a new domains record or a new array with the same entries does
 * not re-render.
 *
 * @example
 * shallowEqual({ a: 'available' }, { a: 'available' }); // true
 * shallowEqual(['x'], ['x', 'y']); // false
 */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && Object.is(ra[k], rb[k]));
}

/**
 * A slice of the widget's session state: the caller re-renders only when `select` of a new
 * snapshot differs from the last (by `equal`, identity unless given), not with every click. The
 * slice is computed once per snapshot, so `select` must depend only on the snapshot and on props
 * that do not change for the caller (an attribute, a value key).
 *
 * @example
 * const value = useWidgetState((s) => s.effective.shown[attribute.id], shallowEqual);
 */
export function useWidgetState<T>(
  select: (snapshot: SessionSnapshot) => T,
  equal: Equality<T> = Object.is,
): T {
  const { session } = useWidgetStatic();
  const last = useRef<{ snapshot: SessionSnapshot; value: T } | undefined>(undefined);
  // A new snapshot is selected once; an equal slice keeps the previous value (no re-render).
  const read = () => {
    const snapshot = session.getSnapshot();
    const cached = last.current;
    if (cached?.snapshot === snapshot) return cached.value;
    const value = select(snapshot);
    const kept = cached && equal(cached.value, value) ? cached.value : value;
    last.current = { snapshot, value: kept };
    return kept;
  };
  return useSyncExternalStore(session.subscribe, read, read);
}

/**
 * The domains of one attribute, as a `Domains` holding only that attribute (`undefined` until the
 * domains are known): the caller re-renders when that attribute's value states change, not when
 * another attribute's do.
 *
 * @example
 * const domains = useAttributeDomains(attribute.id);
 * valueState(domains, attribute.id, 'steel'); // 'conflict'
 */
export function useAttributeDomains(attributeId: string): Domains | undefined {
  return useWidgetState(
    (s) => (s.domains ? { [attributeId]: s.domains[attributeId] ?? {} } : undefined),
    (a, b) =>
      a === b ||
      (a !== undefined && b !== undefined && shallowEqual(a[attributeId], b[attributeId])),
  );
}
