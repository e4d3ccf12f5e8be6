import type { DroppedChoice } from '../url/migrateSelection.ts';

/** A loaded configuration that could not be kept whole, or was saved for another model version. */
export interface LoadNotice {
  source: 'link' | 'saved' | 'initial';
  fromVersion: string | undefined;
  toVersion: string;
  dropped: DroppedChoice[];
}

function reason(d: DroppedChoice): string {
  switch (d.reason) {
    case 'unknown-attribute':
      return 'no longer part of this product';
    case 'unknown-value':
      return `“${d.value}” is no longer offered`;
    case 'conflict':
      return `“${d.value}” no longer fits your other choices`;
    default:
      return d.reason satisfies never;
  }
}

/**
 * Names what happened to a saved configuration: the version change and every choice that was
 * dropped, with why. Never silent; the buyer dismisses it.
 */
export function MigrationNotice({
  notice,
  onDismiss,
}: {
  notice: LoadNotice;
  onDismiss: () => void;
}) {
  const from =
    notice.source === 'link'
      ? 'The shared configuration'
      : notice.source === 'saved'
        ? 'The saved configuration'
        : 'The starting configuration';
  return (
    <div
      className="madeto-notice"
      role="alert"
      data-state={notice.dropped.length ? 'dropped' : 'migrated'}
    >
      <p>
        {notice.fromVersion
          ? `${from} was made for version ${notice.fromVersion}; this product is now version ${notice.toVersion}.`
          : `${from} could not be kept whole.`}{' '}
        {notice.dropped.length === 0
          ? 'All choices were kept.'
          : `${notice.dropped.length} choice${notice.dropped.length === 1 ? ' was' : 's were'} not kept:`}
      </p>
      {notice.dropped.length > 0 && (
        <ul>
          {notice.dropped.map((d) => (
            <li key={`${d.attribute}:${d.value}`}>
              {d.label}: {reason(d)}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
