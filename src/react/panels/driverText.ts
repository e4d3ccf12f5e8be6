import type {
  Driver,
  PromiseResult,
  Snapshot,
  ProductModel,
  Selection,
} from '../../engine/index.ts';
import { formatDate } from '../i18n/format.ts';
import type { Translate } from '../i18n/messages.ts';
import { itemLabel } from './labels.ts';

/** What a driver's words are built from: the promise, the model and selection, the snapshot. */
export interface DriverWords {
  model: ProductModel;
  selection: Selection;
  result: PromiseResult;
  snapshot: Snapshot;
  t: Translate;
  locale: string;
}

/**
 * A delivery driver (lead-time.md C12) in the buyer's words: "Top material: Oak: supplier lead
 * time 15 working days". The supplier's lead time is read from the snapshot (the supplier the
 * engine chose), the dates from the promise; nothing is recomputed.
 */
export function driverText(driver: Driver, w: DriverWords): string {
  const { t } = w;
  switch (driver.kind) {
    case 'material': {
      const what = itemLabel(w.model, w.selection, driver.item);
      const cause = driver.cause;
      switch (cause) {
        case 'purchase': {
          // The line's component that is bought (an item may also appear from stock elsewhere).
          const component = w.result.components.find(
            (c) => c.item === driver.item && c.purchase !== undefined,
          );
          const bought = component?.purchase;
          const supplier = w.snapshot.items[driver.item]?.suppliers.find(
            (s) => s.id === bought?.supplierId,
          );
          if (supplier)
            return t('driver.purchase', {
              what,
              days: t(
                supplier.leadTimeUnit === 'workingDays' ? 'driver.workingDays' : 'days.count',
                {
                  count: supplier.leadTime,
                },
              ),
            });
          return t('driver.purchaseDone', {
            what,
            date: bought ? formatDate(bought.usableDate, w.locale) : '…',
          });
        }
        case 'inbound':
          return t('driver.inbound', { what, po: driver.po ?? '' });
        case 'overdue':
          return t('driver.overdue', { what, po: driver.po ?? '' });
        case 'stock':
          return t('driver.stock', { what });
        case 'no-source':
          return t('driver.noSource', { what });
        default:
          return cause satisfies never;
      }
    }
    case 'capacity':
      return t('driver.capacity', { workCenter: driver.workCenter, op: driver.op });
    case 'acceptance':
      return t(driver.cause === 'after-cutoff' ? 'driver.afterCutoff' : 'driver.nonWorkingDay');
    case 'transit-calendar':
      return t('driver.transit', {
        dates: driver.dates.map((d) => formatDate(d, w.locale)).join(', '),
      });
    case 'processing':
      return t('driver.processing');
    default:
      return driver satisfies never;
  }
}
