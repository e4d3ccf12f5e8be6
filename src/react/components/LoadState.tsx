/** A loading skeleton in the widget's shape, announced as busy. */
export function LoadingSkeleton({ label }: { label: string }) {
  return (
    <div className="madeto-skeleton" data-state="loading" aria-busy="true">
      <p role="status" className="madeto-visually-hidden">
        {label}
      </p>
      <div className="madeto-skeleton-bar" data-size="title" />
      <div className="madeto-skeleton-bar" />
      <div className="madeto-skeleton-bar" />
      <div className="madeto-skeleton-bar" data-size="short" />
    </div>
  );
}

/** A readable error with what failed and a retry button (when retrying can help). */
export function ErrorState({
  title,
  message,
  onRetry,
  retryLabel = 'Retry',
}: {
  title: string;
  message: string;
  onRetry?: (() => void) | undefined;
  /** The retry button's text in the widget's locale. */
  retryLabel?: string;
}) {
  return (
    <div className="madeto-error-state" data-state="error" role="alert">
      <h2>{title}</h2>
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}
