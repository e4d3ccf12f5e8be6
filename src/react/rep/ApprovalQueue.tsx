import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ApprovalQueueWire } from '../../engine/index.ts';
import { QuoteApiError } from './apiCall.ts';
import type { PipelineApi } from './pipelineApi.ts';
import { repFormat, violationText, type RepFormat } from './repFormat.ts';

/** The props of `<ApprovalQueue>`. */
export interface ApprovalQueueProps {
  api: PipelineApi;
  /** Records a manager's approval of a revision (`repQuoteApi(…).approve`). */
  approve: (number: string, revision: number) => Promise<unknown>;
  /** Opens a quote in the editor. */
  onOpen: (number: string) => void;
  /** Locale of the words, money and dates; default English. */
  locale?: string | undefined;
}

type Item = ApprovalQueueWire['items'][number];

/** Why an approval was refused, in the manager's language (the backend's refusals by code). */
function failure(e: Error, item: Item, f: RepFormat): string {
  const at = { number: item.number, revision: item.revision };
  if (e instanceof QuoteApiError)
    switch (e.code) {
      case 'SELF_APPROVAL':
        return f.t('rep.queue.error.self');
      case 'MANAGER_REQUIRED':
        return f.t('rep.approval.error.managerRequired');
      case 'APPROVAL_NOT_NEEDED':
        return f.t('rep.approval.error.notNeeded', at);
      case 'QUOTE_NOT_FOUND':
        return f.t('rep.approval.error.notFound', at);
    }
  return e.message;
}

function QueueItem(
  props: { item: Item; f: RepFormat; onApproved: (item: Item) => void } & Omit<
    ApprovalQueueProps,
    'api'
  >,
) {
  const { item, f } = props;
  const { t } = f;
  const client = useQueryClient();
  const id = useId();
  const money = repFormat(f.locale, item.currency).money;
  const approve = useMutation({
    mutationFn: () => props.approve(item.number, item.revision),
    onSuccess: () => {
      props.onApproved(item);
      void client.invalidateQueries({ queryKey: ['madeto'] });
    },
  });
  const title = t('rep.pipeline.numberRevision', { number: item.number, revision: item.revision });
  return (
    <li className="madeto-rep-queue-item" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p>
        {item.customer.name}
        {item.customer.company && <>, {item.customer.company}</>} · {money(item.total)} ·{' '}
        {t('rep.queue.savedBy', {
          name: item.createdBy?.name ?? t('rep.queue.unknown'),
          date: f.instantDate(item.createdAt),
        })}
      </p>
      <ul className="madeto-rep-guardrails">
        {item.guardrails.map((g, i) => (
          <li key={i} data-rule={g.rule}>
            {violationText(g, repFormat(f.locale, item.currency))}
          </li>
        ))}
      </ul>
      <div className="madeto-rep-actions">
        {approve.isSuccess ? (
          <p role="status">
            {t('rep.queue.approved', { number: item.number, revision: item.revision })}
          </p>
        ) : (
          <>
            <button
              type="button"
              disabled={item.ownRevision || approve.isPending}
              aria-describedby={item.ownRevision ? `${id}-own` : undefined}
              onClick={() => approve.mutate()}
            >
              {t('rep.approval.approve', { revision: item.revision })}
            </button>
            {item.ownRevision && <p id={`${id}-own`}>{t('rep.queue.own')}</p>}
          </>
        )}
        <button type="button" onClick={() => props.onOpen(item.number)}>
          {t('rep.pipeline.open', { number: item.number })}
        </button>
      </div>
      {approve.isError && (
        <p role="alert">{t('rep.approval.failed', { reason: failure(approve.error, item, f) })}</p>
      )}
    </li>
  );
}

/**
 * A manager's approval queue (`GET /api/approvals`): the latest revisions past a guardrail and
 * not approved, oldest first, each with its customer, total, who saved it and the guardrails it
 * passes, an "Approve revision N" button (disabled, saying why, for a revision the manager saved:
 * someone else approves it) and "Open". An approval refreshes the queue and the pipeline.
 */
export function ApprovalQueue(props: ApprovalQueueProps) {
  const id = useId();
  const f = repFormat(props.locale ?? 'en', 'EUR');
  const { t } = f;
  const queue = useQuery({ queryKey: ['madeto', 'approvals'], queryFn: props.api.approvals });
  // Revisions approved here stay listed, with their confirmation, after the refreshed queue has
  // dropped them: otherwise the manager's "Approved …" would vanish with the item.
  const [approved, setApproved] = useState<readonly Item[]>([]);
  const keyOf = (item: Item) => `${item.number}/${item.revision}`;
  const items = queue.data
    ? [
        ...queue.data.items,
        ...approved.filter((a) => !queue.data.items.some((i) => keyOf(i) === keyOf(a))),
      ]
    : [];
  return (
    <section className="madeto-rep-queue" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rep.queue.title')}</h2>
      {queue.isPending ? (
        <p role="status">{t('rep.queue.loading')}</p>
      ) : queue.isError ? (
        <p role="alert">
          {t('rep.queue.error', { message: queue.error.message })}{' '}
          <button type="button" onClick={() => void queue.refetch()}>
            {t('rep.pipeline.retry')}
          </button>
        </p>
      ) : items.length === 0 ? (
        <p role="status">{t('rep.queue.empty')}</p>
      ) : (
        <ol>
          {items.map((item) => (
            <QueueItem
              key={keyOf(item)}
              item={item}
              f={f}
              onApproved={(done) => setApproved((list) => [...list, done])}
              {...props}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
