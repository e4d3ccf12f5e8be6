import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { QUOTE_STATES, type PipelineItemWire } from '../../engine/index.ts';
import type { PipelineApi, PipelineQuery } from './pipelineApi.ts';
import { repFormat, type RepFormat } from './repFormat.ts';

/** The props of `<Pipeline>`. */
export interface PipelineProps {
  api: PipelineApi;
  /** Locale of the words, money and dates; default English. */
  locale?: string | undefined;
  /** Opens a rep quote (its latest revision) in the editor. */
  onOpen: (number: string) => void;
  /** Turns a buyer's quote request into a rep quote (and opens it). */
  onConvert: (number: string) => void;
  /** A request being converted (its button says so and waits). */
  converting?: string | undefined;
  /** Rows per page; default 20. */
  pageSize?: number;
}

/** The kinds the list shows, and the filter's "any". */
const KINDS = ['', 'quote-request', 'rep-quote', 'order'] as const;
/** Every state a row can be in: a request's (new, converted) and a rep quote's. */
const STATES = ['', 'new', 'converted', ...QUOTE_STATES] as const;

/** A row's state in words (`rep.state.*`). */
export function stateLabel(item: PipelineItemWire, f: RepFormat): string {
  switch (item.kind) {
    case 'quote-request':
      return f.t(`rep.state.${item.state}`);
    case 'rep-quote':
      return f.t(`rep.state.${item.state}`);
    case 'order':
      return f.t('rep.state.order');
    default:
      return item satisfies never;
  }
}

function Row(props: { item: PipelineItemWire; f: RepFormat } & Omit<PipelineProps, 'api'>) {
  const { item, f } = props;
  const { t } = f;
  const money = repFormat(f.locale, item.currency).money;
  const products = item.products
    .map((p) => (p.quantity === 1 ? p.name : `${f.count(p.quantity)} × ${p.name}`))
    .join(', ');
  const number =
    item.kind === 'rep-quote'
      ? t('rep.pipeline.numberRevision', { number: item.number, revision: item.revision })
      : item.number;
  const state = item.kind === 'order' ? 'order' : item.state;
  return (
    <tr data-kind={item.kind} data-state={state}>
      <th scope="row" data-label={t('rep.pipeline.number')}>
        {number}
      </th>
      <td data-label={t('rep.pipeline.kind')}>{t(`rep.kind.${item.kind}`)}</td>
      <td data-label={t('rep.pipeline.customer')}>
        {item.customer.name}
        {item.customer.company && <>, {item.customer.company}</>}
      </td>
      <td data-label={t('rep.pipeline.products')}>{products}</td>
      <td data-label={t('rep.pipeline.total')} className="madeto-rep-figure">
        {money(item.total)}
      </td>
      <td data-label={t('rep.pipeline.state')}>
        <span className="madeto-rep-state" data-state={state}>
          {stateLabel(item, f)}
        </span>
        {item.kind === 'rep-quote' && item.order && (
          <> · {t('rep.pipeline.order', { number: item.order })}</>
        )}
        {item.kind === 'quote-request' && item.convertedTo && (
          <> · {t('rep.pipeline.convertedTo', { number: item.convertedTo })}</>
        )}
        {item.kind === 'order' && item.fromQuote && (
          <> · {t('rep.pipeline.fromQuote', { number: item.fromQuote })}</>
        )}
      </td>
      <td data-label={t('rep.pipeline.updated')}>{f.instantDate(item.updatedAt)}</td>
      <td className="madeto-rep-row-actions">
        {item.kind === 'quote-request' && item.state === 'new' && (
          <button
            type="button"
            disabled={props.converting !== undefined}
            onClick={() => props.onConvert(item.number)}
          >
            {props.converting === item.number
              ? t('rep.pipeline.converting')
              : t('rep.pipeline.convert', { number: item.number })}
          </button>
        )}
        {item.kind === 'quote-request' && item.convertedTo && (
          <button type="button" onClick={() => props.onOpen(item.convertedTo!)}>
            {t('rep.pipeline.open', { number: item.convertedTo })}
          </button>
        )}
        {item.kind === 'rep-quote' && (
          <button type="button" onClick={() => props.onOpen(item.number)}>
            {t('rep.pipeline.open', { number: item.number })}
          </button>
        )}
      </td>
    </tr>
  );
}

/**
 * The inbox and pipeline: one list of buyers' quote requests, rep quotes (with revision and
 * state) and orders, newest first (`GET /api/pipeline`): searched by number, customer or product,
 * filtered by kind and state, paged. A new request offers "Convert to quote"; a rep quote opens in
 * the editor. On a phone each row stacks as a card.
 */
export function Pipeline(props: PipelineProps) {
  const id = useId();
  const f = repFormat(props.locale ?? 'en', 'EUR');
  const { t } = f;
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState<PipelineQuery>({
    page: 1,
    pageSize: props.pageSize ?? 20,
  });
  const list = useQuery({
    queryKey: ['madeto', 'pipeline', query],
    queryFn: () => props.api.page(query),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<PipelineQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  const data = list.data;
  const page = data?.page ?? 1;
  const pages = Math.max(1, data?.pages ?? 1);
  return (
    <section className="madeto-rep-pipeline" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rep.pipeline.title')}</h2>
      <form
        role="search"
        className="madeto-rep-filters"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: typed.trim() });
        }}
      >
        <label>
          {t('rep.pipeline.search')}
          <input
            type="search"
            value={typed}
            maxLength={200}
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <button type="submit">{t('rep.pipeline.searchButton')}</button>
        <label>
          {t('rep.pipeline.kind')}
          <select
            value={query.kind ?? ''}
            onChange={(e) => set({ kind: (e.target.value || undefined) as PipelineQuery['kind'] })}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k === '' ? t('rep.pipeline.any') : t(`rep.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('rep.pipeline.state')}
          <select
            value={query.state ?? ''}
            onChange={(e) => set({ state: e.target.value || undefined })}
          >
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s === '' ? t('rep.pipeline.any') : t(`rep.state.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {list.isPending ? (
        <p role="status">{t('rep.pipeline.loading')}</p>
      ) : list.isError ? (
        <p role="alert">
          {t('rep.pipeline.error', { message: list.error.message })}{' '}
          <button type="button" onClick={() => void list.refetch()}>
            {t('rep.pipeline.retry')}
          </button>
        </p>
      ) : data && data.items.length === 0 ? (
        <p role="status">
          {query.q || query.kind || query.state
            ? t('rep.pipeline.noMatch')
            : t('rep.pipeline.empty')}
        </p>
      ) : (
        <table className="madeto-rep-table" aria-busy={list.isFetching}>
          <caption className="madeto-visually-hidden">{t('rep.pipeline.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rep.pipeline.number')}</th>
              <th scope="col">{t('rep.pipeline.kind')}</th>
              <th scope="col">{t('rep.pipeline.customer')}</th>
              <th scope="col">{t('rep.pipeline.products')}</th>
              <th scope="col">{t('rep.pipeline.total')}</th>
              <th scope="col">{t('rep.pipeline.state')}</th>
              <th scope="col">{t('rep.pipeline.updated')}</th>
              <th scope="col">
                <span className="madeto-visually-hidden">{t('rep.pipeline.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((item) => (
              <Row key={`${item.kind}:${item.number}`} item={item} f={f} {...props} />
            ))}
          </tbody>
        </table>
      )}
      <nav className="madeto-rep-pager" aria-label={t('rep.pipeline.pages')}>
        <button
          type="button"
          disabled={page <= 1}
          onClick={() => setQuery((q) => ({ ...q, page: page - 1 }))}
        >
          {t('rep.pipeline.previous')}
        </button>
        <span>
          {t('rep.pipeline.pageOf', { page: f.count(page), pages: f.count(pages) })}
          {data && ` · ${t('rep.pipeline.count', { count: data.total })}`}
        </span>
        <button
          type="button"
          disabled={page >= pages}
          onClick={() => setQuery((q) => ({ ...q, page: page + 1 }))}
        >
          {t('rep.pipeline.next')}
        </button>
      </nav>
    </section>
  );
}
