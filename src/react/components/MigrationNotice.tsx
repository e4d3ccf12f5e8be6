import type { DroppedChoice, LoadNotice, QuantityLimits } from '../../core/index.ts';
import type { Translate } from '../i18n/messages.ts';
import { useWidget } from './WidgetContext.tsx';

function reason(d: DroppedChoice, t: Translate, limits: QuantityLimits): string {
  switch (d.reason) {
    case 'unknown-attribute':
      return t('migration.unknownAttribute');
    case 'unknown-value':
      return t('migration.unknownValue', { value: d.value });
    case 'conflict':
      return t('migration.conflict', { value: d.value });
    case 'quantity':
      return t('migration.quantity', { value: d.value, min: limits.min, max: limits.max });
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
  const { t, snapshot } = useWidget();
  // A notice is only made for a selection that came from somewhere ('none' never has one).
  const from = t(`migration.${notice.source === 'none' ? 'initial' : notice.source}`);
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
              {d.reason === 'quantity' ? t('field.quantity') : d.label}:{' '}
              {reason(d, t, snapshot.quantityLimits)}
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
