/**
 * The widget's polite live region: announces what changed (a choice, a repair, a new price or
 * date sent through `announce`). Always rendered, so screen readers pick up every message.
 */
export function LiveRegion({ message }: { message: string }) {
  return (
    <div className="madeto-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
