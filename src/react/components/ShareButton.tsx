import { useEffect, useId, useState } from 'react';
import { useMessages } from '../i18n/messages.ts';

/** What "Share" uses of the browser: the Web Share API (where it exists) and the clipboard. */
export interface SharePlatform {
  share?: ((data: ShareData) => Promise<void>) | undefined;
  writeText: (text: string) => Promise<void>;
}

/** The browser's own: `navigator.share` where the browser has it, `navigator.clipboard`. */
function browserPlatform(): SharePlatform {
  return {
    share: typeof navigator.share === 'function' ? (data) => navigator.share(data) : undefined,
    writeText: (text) => navigator.clipboard.writeText(text),
  };
}

/** The props of `<ShareButton>`. */
export interface ShareButtonProps {
  /** The link to this configuration, read when the buyer presses the button. */
  getUrl: () => string;
  /** The title handed to the system's share sheet. */
  title: string;
  /** Locale of the button's words and messages (`de-DE`: German). */
  locale: string;
  /** The browser's share sheet and clipboard (the default); stories and tests pass their own. */
  platform?: SharePlatform;
}

/**
 * What the last press did: nothing yet, handed to the system's share sheet, copied to the
 * clipboard, or neither possible (the link is shown, selected, to copy by hand).
 */
export type ShareState = 'idle' | 'shared' | 'copied' | 'manual';

/** How long "Link copied" / "Shared" stays next to the button. */
const FEEDBACK_MS = 5000;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * "Share": hands the configuration's link to the Web Share API where the browser has it (phones),
 * else copies it to the clipboard; says what happened next to the button ("Link copied").
 * Where neither works (no clipboard permission, an insecure page) it shows the link, selected,
 * so the buyer can copy it. `data-state` is the `ShareState`.
 */
export function ShareButton({ getUrl, title, locale, platform }: ShareButtonProps) {
  const t = useMessages(locale);
  const [state, setState] = useState<ShareState>('idle');
  const [url, setUrl] = useState('');
  const fieldId = useId();
  useEffect(() => {
    if (state !== 'copied' && state !== 'shared') return;
    const timer = setTimeout(() => setState('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const share = async () => {
    const link = getUrl();
    const { share, writeText } = platform ?? browserPlatform();
    setUrl(link);
    if (share) {
      try {
        await share({ title, url: link });
        return setState('shared');
      } catch (error) {
        if (isAbort(error)) return setState('idle');
        // Not allowed here (an iframe without the permission): copy instead.
      }
    }
    try {
      await writeText(link);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <div className="madeto-share" data-state={state}>
      <button type="button" onClick={() => void share()}>
        {t('share.button')}
      </button>
      <span role="status" className="madeto-share-status">
        {state === 'copied' ? t('share.copied') : state === 'shared' ? t('share.shared') : ''}
      </span>
      {state === 'manual' && (
        <span className="madeto-share-manual">
          <label htmlFor={fieldId}>{t('share.manual')}</label>{' '}
          <input
            id={fieldId}
            readOnly
            value={url}
            ref={(input) => input?.select()}
            onFocus={(e) => e.currentTarget.select()}
          />
        </span>
      )}
    </div>
  );
}
