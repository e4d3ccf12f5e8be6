import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import type { SendResultWire } from '../../engine/index.ts';
import { QuoteApiError } from './apiCall.ts';
import type { QuoteView } from './quoteApi.ts';
import type { RepFormat } from './repFormat.ts';

/** Why "Send to customer" cannot send now (`null`: it can). */
function blocked(stored: QuoteView | undefined, dirty: boolean, f: RepFormat): string | null {
  if (!stored) return f.t('rep.send.saveFirst');
  if (dirty) return f.t('rep.send.unsaved', { revision: stored.revision });
  if (stored.state === 'accepted') return f.t('rep.send.accepted');
  return null;
}

/** Why a send failed, in the rep's language (the backend's refusals by code). */
function failure(e: Error, f: RepFormat): string {
  if (e instanceof QuoteApiError && e.code === 'MAIL_NOT_CONFIGURED')
    return f.t('rep.send.error.notConfigured', { message: e.message });
  return f.t('rep.send.error.other', { message: e.message });
}

/**
 * "Send to customer": e-mails the customer's link of the saved revision through the backend
 * (`POST /api/quotes/:number/send`, SMTP), then says to whom and when. Disabled, saying why next to
 * it, before the first save, with unsaved changes (the customer would get the saved revision, not
 * what is on screen) and once accepted. A revision awaiting approval may be sent: the customer sees
 * it and can accept once a manager approves (said).
 */
export function SendQuote(props: {
  f: RepFormat;
  stored: QuoteView | undefined;
  dirty: boolean;
  send: (number: string) => Promise<SendResultWire>;
  /** Told after a send (the editor reloads the quote's state). */
  onSent: (result: SendResultWire) => void;
}) {
  const { f, stored } = props;
  const { t } = f;
  const hint = useId();
  const send = useMutation({
    mutationFn: (number: string) => props.send(number),
    onSuccess: props.onSent,
  });
  const why = blocked(stored, props.dirty, f);
  const sentNote =
    stored?.activity.sentAt && stored.activity.sentTo
      ? t('rep.send.sent', {
          to: stored.activity.sentTo,
          date: f.instantDate(stored.activity.sentAt),
          revision: stored.activity.sentRevision ?? stored.revision,
        })
      : null;
  return (
    <div className="madeto-rep-send" data-state={send.status}>
      <button
        type="button"
        disabled={why !== null || send.isPending}
        aria-describedby={hint}
        onClick={() => stored && send.mutate(stored.number)}
      >
        {send.isPending ? t('rep.send.sending') : t('rep.send.button')}
      </button>
      <small id={hint}>
        {why ??
          (stored?.approvalStatus === 'required'
            ? t('rep.send.awaitsApproval', { email: stored.quote.customer.email })
            : t('rep.send.hint', { email: stored?.quote.customer.email ?? '' }))}
      </small>
      {send.isSuccess ? (
        <p role="status">
          {t('rep.send.done', { to: send.data.sentTo, number: send.data.number })}
        </p>
      ) : (
        sentNote && <p>{sentNote}</p>
      )}
      {send.isError && <p role="alert">{failure(send.error, f)}</p>}
    </div>
  );
}
