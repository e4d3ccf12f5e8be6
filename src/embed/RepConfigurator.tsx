import { useQueries, useQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import {
  parseSnapshot,
  parseModel,
  type ProductModel,
  parsePricing,
  draftQuote,
  parseRepQuote,
} from '../engine/index.ts';
import { Configurator, type ConfiguratorProps } from '../react/components/Configurator.tsx';
import { LoadingSkeleton } from '../react/components/LoadState.tsx';
import { useMessages } from '../react/i18n/messages.ts';
import { documentQuery, type DocumentKind } from '../react/queries/documentQuery.ts';
import { modelQuery } from '../react/queries/modelQuery.ts';
import type { ConfiguratorRepOptions } from '../react/rep/RepMode.tsx';
import type { EmbedRepOptions } from './options.ts';

/** The props of `<RepConfigurator>`: the buyer props, the embed's rep options and the client. */
export interface RepConfiguratorProps {
  props: ConfiguratorProps;
  rep: EmbedRepOptions & { token: string };
  /** Shared with `<Configurator>`, so the model is fetched once. */
  queryClient: QueryClient;
  /** A problem with `rep.initial` or `rep.models`, named by its option path. */
  onIssue: (option: string, message: string) => void;
}

function asModel(source: object): ProductModel | Error {
  if ('attributes' in source && 'document' in source) return source as ProductModel;
  try {
    return parseModel(source);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The pricing or availability document (an object, or loaded from its URL by the widget). */
function useDocument(kind: DocumentKind, source: unknown, queryClient: QueryClient): unknown {
  const url = typeof source === 'string' ? source : '';
  const query = useQuery({ ...documentQuery(kind, url), enabled: url !== '' }, queryClient);
  return typeof source === 'string' ? query.data : source;
}

/** Why `document` cannot be used with `models` (the rep editor would only say it cannot start). */
function documentProblem(
  kind: DocumentKind,
  document: unknown,
  models: readonly ProductModel[],
): [string, string] | undefined {
  if (document === undefined) return undefined;
  try {
    if (kind === 'pricing') parsePricing(document, models);
    else parseSnapshot(document, models);
    return undefined;
  } catch (error) {
    return [kind, `${kind}: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** Each query's model, or its error, or `undefined` while loading (stable between renders). */
function loadedOrError(results: { data?: ProductModel | undefined; error: Error | null }[]) {
  return results.map((r) => r.error ?? r.data);
}

/**
 * Rep mode through the element: turns the embed's rep options (model URLs, a JSON quote) into
 * what `<Configurator mode="rep">` needs (parsed models, a parsed starting quote, "now").
 */
export function RepConfigurator({ props, rep, queryClient, onIssue }: RepConfiguratorProps) {
  const [mountedAt] = useState(() => new Date().toISOString());
  const t = useMessages(props.locale ?? 'en');
  const now = rep.now ?? mountedAt;
  const main = useQuery(
    {
      ...modelQuery(typeof props.model === 'string' ? props.model : ''),
      enabled: typeof props.model === 'string',
    },
    queryClient,
  );
  const local = useMemo(
    () => (typeof props.model === 'string' ? undefined : asModel(props.model)),
    [props.model],
  );
  const mainModel = typeof props.model === 'string' ? main.data : local;
  const sources = useMemo(() => rep.models ?? [], [rep.models]);
  const remote = useQueries(
    {
      queries: sources.map((s) => ({
        ...modelQuery(typeof s === 'string' ? s : ''),
        enabled: typeof s === 'string',
      })),
      combine: loadedOrError,
    },
    queryClient,
  );
  const models = useMemo(
    () =>
      sources.map((s, i) => {
        const m = typeof s === 'string' ? remote[i] : s;
        return m === undefined || m instanceof Error ? m : asModel(m);
      }),
    [sources, remote],
  );
  const initial = useMemo(() => {
    if (rep.initial === undefined) return undefined;
    const parsed = parseRepQuote(rep.initial);
    return parsed.ok ? parsed.quote : parsed.issues;
  }, [rep.initial]);

  const loaded = models.every((m) => m !== undefined);
  const repOptions = useMemo((): ConfiguratorRepOptions | undefined => {
    if (!mainModel || !loaded) return undefined;
    if (mainModel instanceof Error) return undefined;
    const start =
      initial && !Array.isArray(initial)
        ? initial
        : draftQuote(mainModel.id, now.slice(0, 10), props.currency ?? 'EUR');
    const list = models.filter((m): m is ProductModel => m !== undefined && !(m instanceof Error));
    return {
      apiBase: rep.apiBase ?? '',
      token: rep.token,
      now,
      initial: start,
      ...(list.length > 0 && { models: list }),
      ...(rep.shareUrl && { shareUrl: rep.shareUrl }),
    };
  }, [
    mainModel,
    loaded,
    initial,
    now,
    props.currency,
    models,
    rep.apiBase,
    rep.token,
    rep.shareUrl,
  ]);

  const pricing = useDocument('pricing', props.pricing, queryClient);
  const availability = useDocument('availability', props.availability, queryClient);
  const problems = useMemo(() => {
    const found: [string, string][] = [];
    models.forEach((m, i) => {
      if (m instanceof Error) found.push([`rep.models.${i}`, `rep.models.${i}: ${m.message}`]);
    });
    if (Array.isArray(initial))
      for (const issue of initial)
        found.push([
          `rep.initial`,
          `${issue.path.replace(/^\$/, 'rep.initial')}: ${issue.message}`,
        ]);
    // Only once the editor can start: the documents are checked against the models it will use.
    if (repOptions && mainModel && !(mainModel instanceof Error))
      for (const [kind, document] of [
        ['pricing', pricing],
        ['availability', availability],
      ] as const) {
        const problem = documentProblem(kind, document, repOptions.models ?? [mainModel]);
        if (problem) found.push(problem);
      }
    return found;
  }, [models, initial, repOptions, mainModel, pricing, availability]);
  useEffect(() => {
    for (const [option, message] of problems) onIssue(option, message);
  }, [problems, onIssue]);

  // The main model loaded, other products still loading: the rep editor waits for them.
  if (!repOptions && mainModel && !(mainModel instanceof Error))
    return (
      <div className="madeto">
        <LoadingSkeleton label={t('widget.loadingProduct')} />
      </div>
    );
  return (
    <Configurator
      {...props}
      mode="rep"
      queryClient={queryClient}
      {...(repOptions && { rep: repOptions })}
    />
  );
}
