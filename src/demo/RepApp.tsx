import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { parseSnapshot, parseModel, parsePricing } from '../engine/index.ts';
import { catalogueQuery } from '../react/queries/catalogueQuery.ts';
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

/** The catalogue's models, pricing and snapshot, parsed by the engine. */
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
      const snapshot = c.availability
        ? parseSnapshot(await getJson(abs(c.availability)), models)
        : undefined;
      // The seller on quote documents (seller.json beside the catalogue; optional).
      const sellerFile = await fetch(abs('seller.json'));
      const seller = sellerFile.ok ? parseSellerConfig(await sellerFile.json()) : undefined;
      return { models, pricing, snapshot, seller };
    },
  });
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
  const [locale, setLocale] = useState(() => sessionStorage.getItem('madeto-rep-locale') ?? 'en');
  const [now] = useState(() => new Date().toISOString());
  if (data.isPending) return <p role="status">Loading the catalogue…</p>;
  if (data.isError)
    return <p role="alert">The catalogue could not be loaded: {data.error.message}</p>;
  const { models, pricing, snapshot, seller } = data.data;
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
  return (
    <>
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
