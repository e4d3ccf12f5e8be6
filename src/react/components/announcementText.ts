import type { AnnouncementEntry } from '../../core/index.ts';
import type { ProductModel } from '../../engine/index.ts';
import type { Translate } from '../i18n/messages.ts';
import { describeValue } from './SelectionSummary.tsx';

/** The words of a session's announcement in the widget's locale, for the live region. */
export function announcementText(
  model: ProductModel,
  entry: AnnouncementEntry,
  t: Translate,
): string {
  const label = (id: string) => model.attributes.find((a) => a.id === id)?.label ?? id;
  const valueLabel = (attribute: string, key: string) => {
    const a = model.attributes.find((x) => x.id === attribute);
    return a?.type === 'multi' ? (a.values.find((v) => v.id === key)?.label ?? key) : key;
  };
  const m = entry.message;
  let text: string;
  switch (m.code) {
    case 'chosen':
      text = t('announce.chosen', {
        attribute: label(m.attribute),
        value: describeValue(model, m.attribute, m.value, t),
      });
      break;
    case 'added':
    case 'removed':
      text = t(m.code === 'added' ? 'announce.added' : 'announce.removed', {
        attribute: label(m.attribute),
        value: valueLabel(m.attribute, m.key),
      });
      break;
    case 'changed':
      text = t('announce.changed', {
        changes: m.changes
          .map((c) =>
            t('announce.change', {
              attribute: label(c.attribute),
              value:
                c.to === undefined
                  ? t('value.notChosen')
                  : describeValue(model, c.attribute, c.to, t),
            }),
          )
          .join(', '),
      });
      break;
    case 'completed':
      text = t('announce.completed');
      break;
    case 'completeFailed':
      text = t('announce.completeFailed', { message: m.message });
      break;
    default:
      return m satisfies never;
  }
  return entry.cleared.length === 0
    ? text
    : t('announce.alsoCleared', { message: text, cleared: entry.cleared.map(label).join(', ') });
}
