import { useState } from 'react';
import {
  type ProductModel,
  compareConfigurations,
  type ConfigurationComparison,
  type QuoteData,
  type RepQuote,
} from '../../engine/index.ts';
import type { RepTranslate } from './i18n/repMessages.ts';
import { QuoteComparison } from './QuoteComparison.tsx';

/**
 * Two lines of the quote picked side by side ("Left", "Right"), then compared (`QuoteComparison`):
 * shown once the quote has two lines and can be priced (`quote` undefined: it cannot).
 */
export function CompareLines(props: {
  t: RepTranslate;
  locale: string;
  lineIds: readonly string[];
  quote: RepQuote | undefined;
  data: QuoteData;
  models: readonly ProductModel[];
}) {
  const { t, lineIds, quote } = props;
  const [pair, setPair] = useState<[string, string] | undefined>();
  if (lineIds.length < 2) return null;
  const left = quote?.lines.find((l) => l.lineId === pair?.[0]);
  const right = quote?.lines.find((l) => l.lineId === pair?.[1]);
  const comparison: ConfigurationComparison | undefined =
    quote && left && right ? compareConfigurations(quote, left, right, props.data) : undefined;
  return (
    <>
      <fieldset>
        <legend>{t('rep.compare')}</legend>
        {([0, 1] as const).map((side) => (
          <label key={side}>
            {t(side === 0 ? 'rep.compareLeft' : 'rep.compareRight')}
            <select
              value={pair?.[side] ?? ''}
              onChange={(e) => {
                const next: [string, string] = pair ?? [lineIds[0]!, lineIds[1]!];
                const v = e.target.value;
                setPair(side === 0 ? [v, next[1]] : [next[0], v]);
              }}
            >
              <option value="">—</option>
              {lineIds.map((id) => (
                <option key={id} value={id}>
                  {t('rep.line', { line: id })}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      {comparison && quote && (
        <QuoteComparison
          comparison={comparison}
          currency={quote.pricing.currency}
          locale={props.locale}
          models={props.models}
        />
      )}
    </>
  );
}
