import {
  buyerSubject,
  type Driver,
  type ProductModel,
  type Selection,
} from '../../engine/index.ts';
import { formatDate } from '../i18n/format.ts';
import type { Translate } from '../i18n/messages.ts';

/** What a driver's words are built from: the model and selection, the translator and locale. */
export interface DriverWords {
  model: ProductModel;
  selection: Selection;
  t: Translate;
  locale: string;
}

/**
 * A delivery driver (lead-time.md C12) in the buyer's words, with no internal id: "Lifting
 * system: Dual motor: arrives from our supplier on Dec 10, 2026", "Our workshop is fully booked
 * until …". Built from the driver's buyer fields (the chosen values behind a material, its
 * usable date, the end of a booked operation); the item, purchase order, supplier and work centre
 * stay in the driver's `detail`, for reps and the order payload.
 */
export function driverText(driver: Driver, w: DriverWords): string {
  const { t } = w;
  const date = (d: string | undefined) => (d === undefined ? '…' : formatDate(d, w.locale));
  switch (driver.kind) {
    case 'material': {
      const what = buyerSubject(w.model, w.selection, driver.attributes, t('driver.component'));
      const cause = driver.cause;
      switch (cause) {
        case 'purchase':
        case 'inbound':
          return t('driver.arrives', { what, date: date(driver.availableDate) });
        case 'overdue':
          return t('driver.delayed', { what, date: date(driver.availableDate) });
        case 'stock':
          return t('driver.stock', { what });
        case 'no-source':
          return t('driver.noSource', { what });
        default:
          return cause satisfies never;
      }
    }
    case 'capacity':
      return t('driver.capacity', { date: date(driver.until) });
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
