import { useEffect, useState } from 'react';
import { useMessages } from '../i18n/messages.ts';

/** How often the age is looked at again while nothing else changes. */
const TICK_MS = 60_000;

/**
 * Says, in the buyer's words, when the availability the dates come from is older than
 * `maxAgeMinutes` (its `snapshotAt`): "Delivery dates use stock information from 23 Nov 2026,
 * 07:30; they may change when you order." Nothing when it is fresh, or has no `snapshotAt`.
 * Looked at again every minute, so a widget left open notices its data getting old.
 */
export function AvailabilityAge({
  snapshotAt,
  maxAgeMinutes,
  locale,
}: {
  snapshotAt: string | undefined;
  maxAgeMinutes: number;
  locale: string;
}) {
  const t = useMessages(locale);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const at = snapshotAt === undefined ? NaN : Date.parse(snapshotAt);
  if (Number.isNaN(at) || now - at <= maxAgeMinutes * 60_000) return null;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    at,
  );
  return (
    <p className="madeto-notice" role="status" data-state="stale-availability">
      {t('widget.availabilityOld', { when })}
    </p>
  );
}
