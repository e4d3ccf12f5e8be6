import type { Translate } from '../i18n/messages.ts';
import type { DroppedChoice } from '../url/migrateSelection.ts';
import { useWidget } from './WidgetContext.tsx';

/** A loaded configuration that could not be kept whole, or was saved for another model version. */
export interface LoadNotice {
  source: 'link' | 'saved' | 'initial';
  fromVersion: string | undefined;
  toVersion: string;
  dropped: DroppedChoice[];
}

function reason(d: DroppedChoice, t: Translate): string {
  switch (d.reason) {
    case 'unknown-attribute':
      return t('migration.unknownAttribute');
    case 'unknown-value':
      return t('migration.unknownValue', { value: d.value });
    case 'conflict':
      return t('migration.conflict', { value: d.value });
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
  const { t } = useWidget();
  const from = t(`migration.${notice.source}`);
  return (
    <div
      className="madeto-notice"
      role="alert"
      data-state={notice.dropped.length ? 'dropped' : 'migrated'}
    >
      <p>
        {notice.fromVersion
          ? t('migration.version', {
              from,
              fromVersion: notice.fromVersion,
              toVersion: notice.toVersion,
            })
          : t('migration.notWhole', { from })}{' '}
        {notice.dropped.length === 0
          ? t('migration.allKept')
          : t('migration.notKept', { count: notice.dropped.length })}
      </p>
      {notice.dropped.length > 0 && (
        <ul>
          {notice.dropped.map((d) => (
            <li key={`${d.attribute}:${d.value}`}>
              {d.label}: {reason(d, t)}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onDismiss}>
        {t('migration.dismiss')}
      </button>
    </div>
  );
}
