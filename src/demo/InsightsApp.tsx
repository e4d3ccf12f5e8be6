import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { repFormat } from '../react/rep/repFormat.ts';
import { sessionApi } from '../react/rep/sessionApi.ts';
import { SignIn } from '../react/rep/SignIn.tsx';
import { InsightsChart, type ChartSpec } from './InsightsChart.tsx';

type Row = Record<string, unknown>;
interface Filter {
  from: string;
  to: string;
  channel: '' | 'shop' | 'rep';
}

const query = (f: Filter, extra: Record<string, string> = {}) => {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.channel) p.set('channel', f.channel);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
};

async function getJson(path: string): Promise<Row> {
  const r = await fetch(path, { credentials: 'same-origin' });
  const body = (await r.json().catch(() => ({}))) as Row;
  if (!r.ok) {
    const message = (body['error'] as { message?: string } | undefined)?.message;
    throw new Error(message ?? `HTTP ${r.status}`);
  }
  return body;
}

/** The manager's insights page at `#/insights` (signed in as a manager or admin). */
export function InsightsApp() {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 0 } } }));
  return (
    <QueryClientProvider client={client}>
      <InsightsGate />
    </QueryClientProvider>
  );
}

function InsightsGate() {
  const { t } = repFormat('en', 'EUR');
  const api = useMemo(() => sessionApi(''), []);
  const client = useQueryClient();
  const me = useQuery({ queryKey: ['madeto', 'session'], queryFn: api.me });
  if (me.isPending) return <p role="status">Checking your sign-in…</p>;
  if (me.isError || me.data === null)
    return (
      <div className="madeto madeto-rep-app">
        <h2>Insights</h2>
        <SignIn t={t} api={api} onSignedIn={(u) => client.setQueryData(['madeto', 'session'], u)} />
      </div>
    );
  // A rep is not left at a dead end: back to the rep's quotes, or sign out to sign in as a manager.
  if (me.data.role === 'rep') {
    const csrf = me.data.csrfToken;
    return (
      <div className="madeto madeto-rep-app">
        <h2>Insights</h2>
        <p role="alert">The insights are for managers: {me.data.name} is signed in as a rep.</p>
        <p>
          <a href="#/rep">Back to the sales rep quotes</a> or{' '}
          <button
            type="button"
            onClick={() =>
              void api.signOut(csrf).finally(() => client.setQueryData(['madeto', 'session'], null))
            }
          >
            Sign out to sign in as a manager
          </button>
        </p>
      </div>
    );
  }
  return <Dashboard />;
}

function Section(props: { title: string; csv?: string; children: ReactNode }) {
  const id = props.title.toLowerCase().replace(/[^a-z]+/g, '-');
  return (
    <section className="insights-section" aria-labelledby={id}>
      <h3 id={id}>
        {props.title}
        {props.csv && (
          <a className="insights-csv" href={props.csv} download>
            Download CSV<span className="visually-hidden"> of {props.title.toLowerCase()}</span>
          </a>
        )}
      </h3>
      {props.children}
    </section>
  );
}

function Table({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: [string, string][];
  rows: Row[];
}) {
  return (
    // A region of its own: on a phone it scrolls sideways, and a keyboard can scroll it.
    <div className="insights-table" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map(([, title]) => (
              <th key={title} scope="col">
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>No data in this range.</td>
            </tr>
          ) : (
            rows.map((r, i) => (
              <tr key={i}>
                {columns.map(([key]) => (
                  <td key={key} className={WORDS.has(key) ? 'insights-words' : undefined}>
                    {format(r[key])}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Columns of words, which wrap; every other cell (figures, dates, weeks, item ids) keeps one line. */
const WORDS = new Set(['attributeLabel', 'valueLabel', 'configuration', 'messages', 'resolutions']);

/** A cell's text: lists joined, objects as `key: value` pairs (a configuration, resolutions). */
const format = (v: unknown): string =>
  v === null || v === undefined
    ? '–'
    : Array.isArray(v)
      ? v.map(format).join(', ')
      : typeof v === 'object'
        ? Object.entries(v as Row)
            .map(([k, x]) => `${k}: ${format(x)}`)
            .join('; ')
        : String(v);
const pct = (share: unknown) => `${Math.round(Number(share) * 1000) / 10} %`;

/**
 * The rate open quotes are weighted by and what it rests on: the server's estimate with the
 * shop's Beta prior (`insights.json`; Laplace's by default, (won + 1) ÷ (decided + 2), ½ before
 * any rep quote is won or lost), or the prior alone while fewer than its minimum are decided.
 */
const winRateText = (d: Row) => {
  const b = d['winRateBasis'] as
    | {
        won: number;
        decided: number;
        prior?: { won: number; lost: number };
        minDecided?: number;
        basis?: 'history' | 'prior';
      }
    | undefined;
  if (!b) return pct(d['winRate']);
  const p = b.prior ?? { won: 1, lost: 1 };
  const priorName =
    p.won === 1 && p.lost === 1
      ? 'an even prior'
      : `the shop's prior (${p.won} won, ${p.lost} lost)`;
  if (b.basis === 'prior')
    return `${pct(d['winRate'])} (${b.decided} of the ${b.minDecided} decided rep quotes needed: ${priorName} alone, ${p.won} ÷ ${p.won + p.lost})`;
  return b.decided === 0
    ? `${pct(d['winRate'])} (no rep quote won or lost yet: ${priorName}, (0 + ${p.won}) ÷ (0 + ${p.won + p.lost}))`
    : `${pct(d['winRate'])} (${b.won} of ${b.decided} decided rep quotes won, smoothed by ${priorName}: (${b.won} + ${p.won}) ÷ (${b.decided} + ${p.won + p.lost}))`;
};

/** The CSV download of an insight's URL (the same filter, `format=csv`). */
const csvOf = (url: string) => `${url}${url.includes('?') ? '&' : '?'}format=csv`;

function useInsight(path: string, f: Filter, extra?: Record<string, string>) {
  const url = `/api/insights/${path}${query(f, extra)}`;
  return { url, q: useQuery({ queryKey: ['insights', url], queryFn: () => getJson(url) }) };
}

function Loaded({
  q,
  children,
}: {
  q: { isPending: boolean; isError: boolean; error: Error | null; data?: Row | undefined };
  children: (data: Row) => ReactNode;
}) {
  if (q.isPending) return <p role="status">Loading…</p>;
  if (q.isError || !q.data) return <p role="alert">Could not load: {q.error?.message}</p>;
  return <>{children(q.data)}</>;
}

function Dashboard() {
  const [filter, setFilter] = useState<Filter>({ from: '', to: '', channel: '' });
  const popularity = useInsight('popularity', filter);
  const funnel = useInsight('funnel', filter);
  const lead = useInsight('leadtime', filter);
  const conflicts = useInsight('conflicts', filter);
  const configs = useInsight('configurations', filter);
  const winloss = useInsight('winloss', filter);
  const demand = useInsight('demand', filter);
  const advisor = useInsight('advisor', filter);
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <div className="madeto insights">
      <h2>Insights: what buyers configure, what it will need</h2>
      <form className="insights-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          From{' '}
          <input type="date" value={filter.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          To <input type="date" value={filter.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>
          Channel{' '}
          <select
            value={filter.channel}
            onChange={(e) => set({ channel: e.target.value as Filter['channel'] })}
          >
            <option value="">Shop and reps</option>
            <option value="shop">Shop</option>
            <option value="rep">Reps</option>
          </select>
        </label>
      </form>

      <Section title="Funnel" csv={csvOf(funnel.url)}>
        <Loaded q={funnel.q}>
          {(d) => {
            const steps = d['steps'] as Row[];
            const spec: ChartSpec = {
              type: 'bar',
              labels: steps.map((s) => String(s['stage'])),
              series: [{ label: 'Sessions', data: steps.map((s) => Number(s['sessions'])) }],
            };
            return (
              <div className="insights-pair">
                <InsightsChart spec={spec} label="Funnel: sessions per stage" />
                <Table
                  caption="Sessions per stage and drop-off"
                  columns={[
                    ['stage', 'Stage'],
                    ['sessions', 'Sessions'],
                    ['dropped', 'Dropped'],
                    ['drop', 'Drop-off'],
                  ]}
                  rows={steps.map((s) => ({ ...s, drop: pct(s['dropRate']) }))}
                />
              </div>
            );
          }}
        </Loaded>
      </Section>

      <Section title="Option popularity" csv={csvOf(popularity.url)}>
        <Loaded q={popularity.q}>
          {(d) => {
            const rows = d['rows'] as Row[];
            const top = [...rows]
              .sort((a, b) => Number(b['count']) - Number(a['count']))
              .slice(0, 10);
            const spec: ChartSpec = {
              type: 'bar',
              horizontal: true,
              // "Width: 1400 mm", "Cable tray under the top: no", "Frame: Steel" (a value's
              // label up to its first comma): a number or yes / no says nothing alone.
              labels: top.map(
                (r) => `${String(r['attributeLabel'])}: ${String(r['valueLabel']).split(',')[0]!}`,
              ),
              series: [{ label: 'Configurations', data: top.map((r) => Number(r['count'])) }],
            };
            return (
              <div className="insights-pair">
                <InsightsChart spec={spec} label="The ten most chosen options" />
                <Table
                  caption="Options in completed configurations"
                  columns={[
                    ['productId', 'Product'],
                    ['attributeLabel', 'Attribute'],
                    ['valueLabel', 'Value'],
                    ['count', 'Count'],
                    ['sharePct', 'Share'],
                    ['firstDay', 'First'],
                    ['lastDay', 'Last'],
                  ]}
                  rows={rows.map((r) => ({ ...r, sharePct: pct(r['share']) }))}
                />
              </div>
            );
          }}
        </Loaded>
      </Section>

      <Section title="Promised lead time" csv={csvOf(lead.url)}>
        <Loaded q={lead.q}>
          {(d) => {
            const rows = d['rows'] as Row[];
            const spec: ChartSpec = {
              type: 'line',
              labels: rows.map((r) => `${String(r['productId'])} ${String(r['week'])}`),
              series: [
                { label: 'P50 days', data: rows.map((r) => Number(r['p50'])) },
                { label: 'P90 days', data: rows.map((r) => Number(r['p90'])) },
              ],
            };
            return (
              <div className="insights-pair">
                <InsightsChart spec={spec} label="Promised lead time P50 and P90 per week" />
                <Table
                  caption="Promised calendar days per product and week"
                  columns={[
                    ['productId', 'Product'],
                    ['week', 'Week'],
                    ['configurations', 'Configurations'],
                    ['p50', 'P50'],
                    ['p90', 'P90'],
                  ]}
                  rows={rows}
                />
              </div>
            );
          }}
        </Loaded>
      </Section>

      <Section title="Quote win and loss by discount" csv={csvOf(winloss.url)}>
        <Loaded q={winloss.q}>
          {(d) => {
            const bands = d['bands'] as Row[];
            const spec: ChartSpec = {
              type: 'bar',
              labels: bands.map((b) => String(b['label'])),
              series: [
                { label: 'Won', data: bands.map((b) => Number(b['won'])) },
                { label: 'Lost', data: bands.map((b) => Number(b['lost'])) },
              ],
            };
            return (
              <div className="insights-pair">
                <InsightsChart spec={spec} label="Quotes won and lost per discount band" />
                <Table
                  caption="Rep quotes per discount band"
                  columns={[
                    ['label', 'Discount'],
                    ['won', 'Won'],
                    ['lost', 'Lost'],
                    ['open', 'Open'],
                    ['rate', 'Win rate'],
                  ]}
                  rows={bands.map((b) => ({ ...b, rate: pct(b['winRate']) }))}
                />
              </div>
            );
          }}
        </Loaded>
      </Section>

      <Section title="Conflicts met most often" csv={csvOf(conflicts.url)}>
        <Loaded q={conflicts.q}>
          {(d) => (
            <Table
              caption="Rules buyers ran into"
              columns={[
                ['productId', 'Product'],
                ['attributeLabel', 'Attribute'],
                ['messages', 'Rule'],
                ['count', 'Times'],
                ['resolutions', 'How it ended'],
              ]}
              rows={d['rows'] as Row[]}
            />
          )}
        </Loaded>
      </Section>

      <Section title="Most common configurations" csv={csvOf(configs.url)}>
        <Loaded q={configs.q}>
          {(d) => (
            <Table
              caption="Completed configurations"
              columns={[
                ['productId', 'Product'],
                ['configuration', 'Configuration'],
                ['count', 'Count'],
              ]}
              rows={d['rows'] as Row[]}
            />
          )}
        </Loaded>
      </Section>

      <Section
        title="Component demand"
        csv={`/api/insights/demand${query(filter, { format: 'csv' })}`}
      >
        <Loaded q={demand.q}>
          {(d) => (
            <Table
              caption={`Per item and week: orders in full, open quotes × win rate ${winRateText(d)}`}
              columns={[
                ['item', 'Item'],
                ['week', 'Week'],
                ['confirmed', 'Orders'],
                ['expected', 'Quotes (weighted)'],
                ['inbound', 'Inbound'],
                ['projected', 'Projected stock'],
              ]}
              rows={d['rows'] as Row[]}
            />
          )}
        </Loaded>
      </Section>

      <Section
        title="Postponement advisor"
        csv={`/api/insights/advisor${query(filter, { format: 'csv' })}`}
      >
        <Loaded q={advisor.q}>
          {(d) => {
            const base = d['baseline'] as Row;
            return (
              <Table
                caption={`Keep in stock to promise sooner (recent demand: ${format(base['lines'])} lines, median ${format(base['medianDays'])} days)`}
                columns={[
                  ['item', 'Item'],
                  ['quantity', 'Keep'],
                  ['medianDays', 'Median days'],
                  ['daysSaved', 'Days saved'],
                  ['linesFaster', 'Lines faster'],
                ]}
                rows={d['advice'] as Row[]}
              />
            );
          }}
        </Loaded>
      </Section>
    </div>
  );
}
