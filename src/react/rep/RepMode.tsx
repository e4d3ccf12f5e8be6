import { useMemo } from 'react';
import { useRepMessages } from './i18n/repMessages.ts';
import {
  parseSnapshot,
  type ProductModel,
  parsePricing,
  type Pricing,
  type Snapshot,
  type RepQuote as RepQuoteData,
} from '../../engine/index.ts';
import { RepQuote } from './RepQuote.tsx';

/** What `<Configurator mode="rep">` needs besides the model, pricing and availability. */
export interface ConfiguratorRepOptions {
  /** The backend's origin (`''`: this page's) and the rep's bearer token. */
  apiBase: string;
  token: string;
  /** "Now" (ISO instant): the clock is the host's. */
  now: string;
  /** The quote to start from (a draft). */
  initial: RepQuoteData;
  /** The products a line may use; by default only the configurator's model. */
  models?: readonly ProductModel[];
  /** Builds the customer's link from a share token. */
  shareUrl?: (token: string) => string;
}

/** The rep's documents: pricing missing, unreadable, or parsed (availability optional). */
type Parsed =
  { missing: 'pricing' } | { error: string } | { pricing: Pricing; snapshot: Snapshot | undefined };

/** What `<Configurator mode="rep">` hands its rep editor. */
export interface RepModeProps {
  /** The widget's model (the only product a line may use unless `rep.models` says more). */
  model: ProductModel;
  /** The widget's loaded pricing document (parsed here; none: the editor says it is missing). */
  pricingData: unknown;
  /** The widget's loaded availability snapshot (parsed here; optional). */
  availabilityData: unknown;
  /** The widget's `rep` options: the backend, the rep's token, the clock, the starting quote. */
  rep: ConfiguratorRepOptions | undefined;
  /** The widget's `locale`: the editor's words, money, percentages and dates. */
  locale?: string | undefined;
  /** The widget's `currency`: the currency a new draft is quoted in (a reopened quote keeps its own). */
  currency?: string | undefined;
}

/**
 * The rep mode of `<Configurator>`: parses the loaded pricing and availability documents and
 * renders the rep's quote editor (`RepQuote`, which configures each line with a
 * `BuyerConfigurator`). Without pricing it says so instead of rendering a quote it cannot price.
 */
export function RepMode(props: RepModeProps) {
  const t = useRepMessages(props.locale ?? 'en');
  const models = useMemo(
    () => props.rep?.models ?? [props.model],
    [props.rep?.models, props.model],
  );
  const parsed = useMemo((): Parsed => {
    if (props.pricingData === undefined) return { missing: 'pricing' };
    try {
      const pricing = parsePricing(props.pricingData, models);
      const snapshot =
        props.availabilityData === undefined
          ? undefined
          : parseSnapshot(props.availabilityData, models);
      return { pricing, snapshot };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [props.pricingData, props.availabilityData, models]);
  const initial = useMemo(() => {
    const draft = props.rep?.initial;
    return draft && props.currency && draft.pricing.currency !== props.currency
      ? { ...draft, pricing: { ...draft.pricing, currency: props.currency } }
      : draft;
  }, [props.rep?.initial, props.currency]);
  if (!props.rep || !initial) return <p role="alert">{t('rep.needsRep')}</p>;
  if ('missing' in parsed) return <p role="alert">{t('rep.needsPricing')}</p>;
  if ('error' in parsed)
    return <p role="alert">{t('rep.cannotStart', { message: parsed.error })}</p>;
  return (
    <RepQuote
      models={models}
      pricing={parsed.pricing}
      snapshot={parsed.snapshot}
      apiBase={props.rep.apiBase}
      token={props.rep.token}
      now={props.rep.now}
      initial={initial}
      {...(props.locale && { locale: props.locale })}
      {...(props.rep.shareUrl && { shareUrl: props.rep.shareUrl })}
    />
  );
}
