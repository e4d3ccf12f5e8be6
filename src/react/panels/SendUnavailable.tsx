import type { MissingLink } from './QuoteForm.tsx';

/**
 * Why the quote form's Send is unavailable, said next to it: the form's own problems (each once,
 * also before a field is touched), then the configuration's (`blockedReason` alone, or each
 * missing choice as a link to its step). Nothing when Send is available. One component for the
 * form and for its placeholder in the shop app (`LazyQuoteForm`), which must show the same list
 * at the same height before the form's file has arrived.
 *
 * @example
 * <SendUnavailable id={whyId} heading={t('form.whyDisabled')} problems={['Enter your name.']} />
 */
export function SendUnavailable({
  id,
  heading,
  problems,
  blockedReason,
  missing = [],
}: {
  /** The list's id, which Send names in `aria-describedby`. */
  id: string;
  heading: string;
  problems: readonly string[];
  blockedReason?: string | undefined;
  missing?: readonly MissingLink[];
}) {
  if (problems.length === 0 && !blockedReason) return null;
  return (
    <div id={id} className="madeto-why-list" data-state="blocked">
      <p>{heading}</p>
      <ul>
        {problems.map((m) => (
          <li key={m}>{m}</li>
        ))}
        {blockedReason && missing.length === 0 && <li>{blockedReason}</li>}
        {missing.map((m) => (
          <li key={m.attribute}>
            <button type="button" className="madeto-link" onClick={m.onOpen}>
              {m.text}
            </button>{' '}
            {m.where}
          </li>
        ))}
      </ul>
    </div>
  );
}
