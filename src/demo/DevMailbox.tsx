import { useQuery } from '@tanstack/react-query';
import { devMailWire } from '../engine/index.ts';

/**
 * The local mail catcher of `npm start` (`GET /api/dev/mail`): the e-mails "Send to customer"
 * sent, newest first, with their links, so the demo's customer journey can be followed without a
 * real mailbox. Renders nothing where the endpoint does not exist (a real deployment).
 */
export function DevMailbox() {
  const mail = useQuery({
    queryKey: ['madeto', 'dev-mail'],
    queryFn: async () => {
      const r = await fetch('/api/dev/mail');
      return r.ok ? devMailWire.parse(await r.json()) : null;
    },
    refetchInterval: 5000,
    retry: false,
  });
  if (!mail.data) return null;
  return (
    <section className="demo-mailbox" aria-label="Demo mailbox">
      <h2>Demo mailbox (npm start's mail catcher)</h2>
      {mail.data.messages.length === 0 ? (
        <p>No e-mail yet: "Send to customer" on a saved quote sends one here.</p>
      ) : (
        <ul>
          {mail.data.messages.map((m) => (
            <li key={m.id}>
              <strong>{m.subject}</strong> — to {m.to.join(', ')}
              <pre>{m.text}</pre>
              {m.links.map((l) => (
                <a key={l} href={l}>
                  {l}
                </a>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
