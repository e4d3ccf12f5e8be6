import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { parseSnapshot, parseModel, parsePricing, type ProductModel } from '../engine/index.ts';
import { AvailabilityAge } from '../react/components/AvailabilityAge.tsx';
import { catalogueQuery } from '../react/queries/catalogueQuery.ts';
import { documentQuery } from '../react/queries/documentQuery.ts';
import { RepWorkspace } from '../react/rep/RepWorkspace.tsx';

/** The manager's insights page: its own chunk (and Chart.js's), loaded at `#/insights`. */
const InsightsApp = lazy(() =>
  import('./InsightsApp.tsx').then((m) => ({ default: m.InsightsApp })),
);
import { parseSellerConfig } from '../react/rep/sellerConfig.ts';
import { SharedQuoteView } from '../react/rep/SharedQuoteView.tsx';
import { DevMailbox } from './DevMailbox.tsx';
import '../react/styles/quote-print.css';
import '../react/styles/rep.css';

function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

const getJson = async (url: string): Promise<unknown> => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url} answered ${r.status}`);
  return r.json();
};

/** The catalogue's models, pricing and seller, parsed by the engine (availability: `useFeed`). */
function useCatalogueData(url: string) {
  const catalogue = useQuery(catalogueQuery(url));
  return useQuery({
    queryKey: ['madeto', 'rep-data', url],
    enabled: catalogue.isSuccess,
    queryFn: async () => {
      const c = catalogue.data!;
      const base = new URL(url, window.location.href);
      const abs = (u: string) => new URL(u, base).href;
      const models = await Promise.all(
        c.products.map(async (p) => parseModel(await getJson(abs(p.model)))),
      );
      const pricing = c.pricing ? parsePricing(await getJson(abs(c.pricing)), models) : undefined;
      // The seller on quote documents (seller.json beside the catalogue; optional).
      const sellerFile = await fetch(abs('seller.json'));
      const seller = sellerFile.ok ? parseSellerConfig(await sellerFile.json()) : undefined;
      return { models, pricing, seller, availability: c.availability !== undefined };
    },
  });
}

/** The backend's live availability feed (as the shop's widget reads it). */
const FEED_URL = '/api/availability';

/**
 * The backend's live availability (`GET /api/availability`, the current version net of
 * everyone's holds), read as the shop's widget reads it: react-query with the last ETag every
 * 5 s and on focus (a 304 keeps the same data: nothing re-renders), so a change the feed receives
 * reaches the rep's open editor without a reload. Parsed with the catalogue's models.
 */
function useFeed(models: readonly ProductModel[] | undefined) {
  const feed = useQuery({
    ...documentQuery('availability', FEED_URL, 5_000),
    enabled: models !== undefined,
  });
  const parsed = useMemo(() => {
    if (!feed.data || !models) return undefined;
    try {
      return { snapshot: parseSnapshot(feed.data, models) };
    } catch (error) {
      return { error: error instanceof Error ? error : new Error(String(error)) };
    }
  }, [feed.data, models]);
  const at = feed.data?.['snapshotAt'];
  return {
    // The first answer is awaited: the rep's "today" is the plant's day, which the snapshot names.
    pending: models !== undefined && feed.isPending,
    snapshot: parsed?.snapshot,
    snapshotAt: typeof at === 'string' ? at : undefined,
    error: feed.error ?? parsed?.error ?? null,
    refetch: () => void feed.refetch(),
  };
}

/**
 * The demo's sales-rep pages: `#/rep` (the rep app against the reference backend: sign-in, inbox
 * and pipeline, approvals, the quote editor; and the local mail catcher's messages under
 * `npm start`) and `#/shared/<token>` (the customer's read-only quote with "Accept"), in English
 * or German (a "Language" choice kept for the session); any other hash shows `children`.
 */
export function RepApp({ catalogueUrl, children }: { catalogueUrl: string; children: ReactNode }) {
  const hash = useHash();
  const shared = /^#\/shared\/([A-Za-z0-9_-]+)$/.exec(hash)?.[1];
  const isRep = hash === '#/rep';
  return (
    <>
      <p className="demo-rep-link">
        <a href="#/rep">Sales rep quotes</a> · <a href="#/insights">Insights</a>
      </p>
      {hash === '#/insights' ? (
        <Suspense fallback={<p role="status">Loading the insights…</p>}>
          <InsightsApp />
        </Suspense>
      ) : isRep || shared ? (
        <RepPage catalogueUrl={catalogueUrl} shared={shared} />
      ) : (
        children
      )}
    </>
  );
}

/** The languages the demo's rep pages offer (the widget's catalogues). */
const LOCALES = [
  ['en', 'English'],
  ['de-DE', 'Deutsch'],
] as const;

function RepPage({ catalogueUrl, shared }: { catalogueUrl: string; shared: string | undefined }) {
  const data = useCatalogueData(catalogueUrl);
  // The rep's pages only: the customer's page shows the backend's document, dates included.
  const feed = useFeed(!shared && data.data?.availability ? data.data.models : undefined);
  const [locale, setLocale] = useState(() => sessionStorage.getItem('madeto-rep-locale') ?? 'en');
  const [now] = useState(() => new Date().toISOString());
  if (data.isPending) return <p role="status">Loading the catalogue…</p>;
  if (data.isError)
    return <p role="alert">The catalogue could not be loaded: {data.error.message}</p>;
  const { models, pricing, seller } = data.data;
  const snapshot = feed.snapshot;
  const language = (
    <label className="demo-rep-locale">
      {locale.startsWith('de') ? 'Sprache' : 'Language'}
      <select
        value={locale}
        onChange={(e) => {
          setLocale(e.target.value);
          sessionStorage.setItem('madeto-rep-locale', e.target.value);
        }}
      >
        {LOCALES.map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
  if (shared)
    return (
      <>
        {language}
        <SharedQuoteView apiBase="" token={shared} locale={locale} />
      </>
    );
  if (!pricing) return <p role="alert">The catalogue has no pricing: quotes cannot be priced.</p>;
  if (feed.pending) return <p role="status">Loading availability…</p>;
  return (
    <>
      {feed.error && (
        <p className="madeto-notice" role="alert">
          Availability could not be loaded ({feed.error.message}): quotes show no delivery dates.{' '}
          <button type="button" onClick={feed.refetch}>
            Try again
          </button>
        </p>
      )}
      {/* The widget's notice, in the rep's language, when the feed's data is over a day old. */}
      {data.data.availability && (
        <div className="madeto" lang={locale}>
          <AvailabilityAge snapshotAt={feed.snapshotAt} maxAgeMinutes={24 * 60} locale={locale} />
        </div>
      )}
      <RepWorkspace
        models={models}
        pricing={pricing}
        snapshot={snapshot}
        apiBase=""
        now={now}
        locale={locale}
        seller={seller}
        toolbar={language}
        shareUrl={(t) => `${window.location.origin}${window.location.pathname}#/shared/${t}`}
      />
      <DevMailbox />
    </>
  );
}
