import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Configurator } from '../react/components/Configurator.tsx';
import { defaultPanels } from '../react/panels/defaultPanels.tsx';
import { createValueExtras } from '../react/panels/valueExtras.ts';
import { createHttpAdapter } from '../react/submit/httpAdapter.ts';
import { createHttpBatchSender, createInsightsLink } from '../react/insights/insightsLink.ts';
import type { OrderPayload } from '../engine/index.ts';
import { catalogueQuery } from '../react/queries/catalogueQuery.ts';
import { RepApp } from './RepApp.tsx';

/**
 * The product id in the URL hash (`#/DESK`, or `#/DESK/`), so a chosen product survives a reload. A hash that
 * is not valid percent-encoding (`#/%E0%A4%A`) is kept as written, to be named as unknown.
 */
function useHashProduct(): string | undefined {
  const read = () => {
    const raw = window.location.hash.replace(/^#\/?/, '').replace(/\/+$/, '');
    try {
      return decodeURIComponent(raw) || undefined;
    } catch {
      return raw;
    }
  };
  const [product, setProduct] = useState(read);
  useEffect(() => {
    const onHash = () => setProduct(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return product;
}

/** The demo shop: the catalogue, and the widget for the chosen product. */
export function CatalogueApp({ catalogueUrl }: { catalogueUrl: string }) {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <main className="demo">
        <h1>Madeto demo catalogue</h1>
        <RepApp catalogueUrl={catalogueUrl}>
          <Catalogue url={catalogueUrl} />
        </RepApp>
      </main>
    </QueryClientProvider>
  );
}

function Catalogue({ url }: { url: string }) {
  const catalogue = useQuery(catalogueQuery(url));
  const client = useQueryClient();
  const [valueExtras] = useState(() => createValueExtras());
  // Quote requests go to the reference backend (`npm start` proxies /api to `madeto serve`).
  // Configuration events go to the same backend (issue 20); an acknowledged quote request is one.
  const [insights] = useState(() =>
    createInsightsLink('shop', createHttpBatchSender('/api/events')),
  );
  const [submit] = useState(() => {
    const send = createHttpAdapter({ url: '/api/quotes' });
    return async (payload: OrderPayload) => {
      const ack = await send(payload);
      const line = payload.lines[0];
      if (line) insights.submitted(payload.kind, line.selection);
      return ack;
    };
  });
  const productId = useHashProduct();
  const chosen = catalogue.data?.products.some((p) => p.id === productId) ? productId : undefined;
  const widget = useRef<HTMLElement>(null);
  // A product chosen (a tap on its card, or a link to it): its configurator comes into view and
  // takes the focus, instead of staying below the catalogue (on a phone, a screen or more down).
  useEffect(() => {
    if (chosen === undefined) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    widget.current?.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    widget.current?.focus({ preventScroll: true });
  }, [chosen]);
  if (catalogue.isPending) return <p role="status">Loading the catalogue…</p>;
  if (catalogue.isError)
    return (
      <p role="alert">
        The catalogue could not be loaded: {catalogue.error.message}{' '}
        <button type="button" onClick={() => void catalogue.refetch()}>
          Retry
        </button>
      </p>
    );
  const product = catalogue.data.products.find((p) => p.id === productId);
  return (
    <>
      <nav aria-label="Products">
        <ul className="demo-products">
          {catalogue.data.products.map((p) => (
            <li key={p.id}>
              <a href={`#/${p.id}`} aria-current={p.id === productId ? 'page' : undefined}>
                {p.image && <img src={p.image} alt="" />}
                <strong>{p.name}</strong>
                {p.description && <p>{p.description}</p>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {product ? (
        <section ref={widget} className="demo-widget" aria-label={product.name} tabIndex={-1}>
          <Configurator
            key={product.id}
            model={product.model}
            urlKey=""
            queryClient={client}
            panels={defaultPanels}
            valueExtras={valueExtras}
            submit={submit}
            insights={insights}
            {...(catalogue.data.pricing ? { pricing: catalogue.data.pricing } : {})}
            {...(catalogue.data.availability
              ? {
                  // The backend's live feed (seeded from the catalogue's file), looked at every
                  // 5 s with its ETag (a 304 when nothing changed); old data is said to the buyer.
                  availability: '/api/availability',
                  availabilityRefreshMs: 5_000,
                  availabilityMaxAgeMinutes: 24 * 60,
                }
              : {})}
          />
        </section>
      ) : productId !== undefined && !productId.startsWith('/') ? (
        <p role="alert">
          The link names a product this catalogue does not have (“{productId}”): choose one above.
        </p>
      ) : (
        <p>Choose a product to configure it.</p>
      )}
    </>
  );
}
