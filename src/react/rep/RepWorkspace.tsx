import {
  QueryClient,
  QueryClientProvider,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import {
  type MeWire,
  type Snapshot,
  type ProductModel,
  type Pricing,
  type SellerConfig,
  draftQuote,
} from '../../engine/index.ts';
import { plantToday } from '../../core/index.ts';
import { ApprovalQueue } from './ApprovalQueue.tsx';
import { callFailure } from './callFailure.ts';
import { Pipeline } from './Pipeline.tsx';
import { pipelineApi as httpPipelineApi, type PipelineApi } from './pipelineApi.ts';
import { repQuoteApi, type QuoteView } from './quoteApi.ts';
import { repFormat } from './repFormat.ts';
import { RepQuote, type RepQuoteApi } from './RepQuote.tsx';
import { sessionApi as httpSessionApi, type SessionApi } from './sessionApi.ts';
import { SignIn } from './SignIn.tsx';

/** The props of `<RepWorkspace>`. */
export interface RepWorkspaceProps {
  models: readonly ProductModel[];
  pricing: Pricing;
  snapshot?: Snapshot | undefined;
  /** The backend's origin (`''`: this page's). */
  apiBase: string;
  /** "Now" (ISO instant): the clock is the host's. */
  now: string;
  /** Locale of the words, money and dates (`de-DE`: German); default English. */
  locale?: string | undefined;
  /** The seller on draft documents (`parseSellerConfig` of `seller.json`). */
  seller?: SellerConfig | undefined;
  /** Builds the customer's link from a share token. */
  shareUrl?: (token: string) => string;
  /** Shown in the top bar beside who is signed in (the demo's language choice). */
  toolbar?: ReactNode;
  /** Stand-ins for the backend calls (stories, tests); default the reference backend's. */
  sessionApi?: SessionApi;
  pipelineApi?: (csrfToken: string | undefined) => PipelineApi;
  quoteApi?: (csrfToken: string | undefined) => RepQuoteApi;
}

/** Which page of the workspace is shown. */
type View =
  | { kind: 'inbox' }
  | { kind: 'approvals' }
  | {
      kind: 'quote';
      start: QuoteView | undefined;
      startedBy: 'open' | 'convert' | undefined;
      key: number;
    };

/**
 * The rep app: a sign-in screen (e-mail and password, a session cookie; no pasted tokens), then
 * a top bar with who is signed in and "Sign out", and three pages: the inbox and pipeline (buyer
 * requests, quotes and orders; convert a request, open a quote), a manager's approval queue
 * (managers and admins), and the quote editor (`RepQuote`, new or opened). Styled like the widget
 * (`.madeto`); it stacks on a phone.
 */
export function RepWorkspace(props: RepWorkspaceProps) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 0 } } }));
  return (
    <QueryClientProvider client={client}>
      <Workspace {...props} />
    </QueryClientProvider>
  );
}

function Workspace(props: RepWorkspaceProps) {
  const locale = props.locale ?? 'en';
  const f = repFormat(locale, 'EUR');
  const { t } = f;
  const client = useQueryClient();
  const session = useMemo(
    () => props.sessionApi ?? httpSessionApi(props.apiBase),
    [props.sessionApi, props.apiBase],
  );
  const me = useQuery({ queryKey: ['madeto', 'session'], queryFn: session.me });
  const signOut = useMutation({
    mutationFn: () => session.signOut(me.data?.csrfToken),
    onSettled: () => {
      client.setQueryData(['madeto', 'session'], null);
      void client.removeQueries({ predicate: (q) => q.queryKey[1] !== 'session' });
    },
  });
  if (me.isPending)
    return (
      <div className="madeto madeto-rep-app" lang={locale}>
        <p role="status">{t('rep.session.checking')}</p>
      </div>
    );
  if (me.isError || me.data === null)
    return (
      <div className="madeto madeto-rep-app" lang={locale} data-state="signed-out">
        {props.toolbar && <div className="madeto-rep-topbar">{props.toolbar}</div>}
        {me.isError && <p role="alert">{callFailure(me.error, undefined, f)}</p>}
        <SignIn
          t={t}
          api={session}
          onSignedIn={(user) => client.setQueryData(['madeto', 'session'], user)}
        />
      </div>
    );
  return (
    <SignedIn
      {...props}
      user={me.data}
      onSignOut={() => signOut.mutate()}
      signingOut={signOut.isPending}
    />
  );
}

function SignedIn(
  props: RepWorkspaceProps & { user: MeWire; onSignOut: () => void; signingOut: boolean },
) {
  const { user } = props;
  const locale = props.locale ?? 'en';
  const f = repFormat(locale, 'EUR');
  const { t } = f;
  const client = useQueryClient();
  const csrf = user.csrfToken;
  const { quoteApi, pipelineApi, apiBase } = props;
  const quotes = useMemo(
    () => quoteApi?.(csrf) ?? repQuoteApi(apiBase, { csrfToken: csrf }),
    [quoteApi, apiBase, csrf],
  );
  const lists = useMemo(
    () => pipelineApi?.(csrf) ?? httpPipelineApi(apiBase, { csrfToken: csrf }),
    [pipelineApi, apiBase, csrf],
  );
  const [view, setView] = useState<View>({ kind: 'inbox' });
  // Each opened or new quote is a fresh editor (its own form), keyed by a counter.
  const showQuote = (start: QuoteView | undefined, startedBy?: 'open' | 'convert') =>
    setView((v) => ({
      kind: 'quote',
      start,
      startedBy,
      key: (v.kind === 'quote' ? v.key : 0) + 1,
    }));
  const approver = user.role === 'manager' || user.role === 'admin';
  // Opening or converting from a list: fetched here, then the editor starts from the answer.
  const fetchQuote = useMutation({
    mutationFn: (c: { kind: 'open' | 'convert'; number: string }) =>
      c.kind === 'open' ? quotes.open(c.number) : quotes.convert(c.number),
    onSuccess: (v, c) => {
      showQuote(v, c.kind);
      void client.invalidateQueries({ queryKey: ['madeto', 'pipeline'] });
    },
  });
  const initial = useMemo(
    () => ({
      ...draftQuote(
        props.models[0]!.id,
        plantToday(
          props.models[0]!,
          {
            snapshot: props.snapshot
              ? { state: 'ready', value: props.snapshot }
              : { state: 'absent' },
          },
          props.now,
        ),
        props.pricing.baseCurrency ?? 'EUR',
      ),
      rep: user.name,
    }),
    [props.models, props.now, props.pricing, props.snapshot, user.name],
  );
  const tab = (kind: View['kind'], label: string, onClick: () => void) => (
    <button type="button" aria-current={view.kind === kind ? 'page' : undefined} onClick={onClick}>
      {label}
    </button>
  );
  return (
    <div className="madeto madeto-rep-app" lang={locale} data-state="signed-in">
      <header className="madeto-rep-topbar">
        <nav aria-label={t('rep.nav.label')} className="madeto-rep-nav">
          {tab('inbox', t('rep.nav.inbox'), () => setView({ kind: 'inbox' }))}
          {approver &&
            tab('approvals', t('rep.nav.approvals'), () => setView({ kind: 'approvals' }))}
          {tab('quote', t('rep.nav.newQuote'), () => showQuote(undefined))}
        </nav>
        <div className="madeto-rep-user">
          {props.toolbar}
          <span>
            {t('rep.session.signedInAs', { name: user.name, role: t(`rep.role.${user.role}`) })}
          </span>
          <button type="button" onClick={props.onSignOut} disabled={props.signingOut}>
            {t('rep.session.signOut')}
          </button>
        </div>
      </header>
      {fetchQuote.isPending && <p role="status">{t('rep.nav.opening')}</p>}
      {fetchQuote.isError && (
        <p role="alert">{callFailure(fetchQuote.error, fetchQuote.variables?.number, f)}</p>
      )}
      {view.kind === 'inbox' && (
        <Pipeline
          api={lists}
          locale={locale}
          onOpen={(number) => fetchQuote.mutate({ kind: 'open', number })}
          onConvert={(number) => fetchQuote.mutate({ kind: 'convert', number })}
          converting={
            fetchQuote.isPending && fetchQuote.variables.kind === 'convert'
              ? fetchQuote.variables.number
              : undefined
          }
        />
      )}
      {view.kind === 'approvals' && (
        <ApprovalQueue
          api={lists}
          approve={quotes.approve}
          locale={locale}
          onOpen={(number) => fetchQuote.mutate({ kind: 'open', number })}
        />
      )}
      {view.kind === 'quote' && (
        <RepQuote
          key={view.key}
          models={props.models}
          pricing={props.pricing}
          snapshot={props.snapshot}
          apiBase={props.apiBase}
          now={props.now}
          initial={initial}
          start={view.start}
          startedBy={view.startedBy}
          locale={locale}
          api={quotes}
          user={user}
          seller={props.seller}
          onStored={() => void client.invalidateQueries({ queryKey: ['madeto'] })}
          {...(props.shareUrl && { shareUrl: props.shareUrl })}
        />
      )}
    </div>
  );
}
