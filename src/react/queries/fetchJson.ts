/** An HTTP or parse failure while loading a resource, with the URL and status for the error state. */
export class LoadError extends Error {
  constructor(
    readonly url: string,
    message: string,
    readonly status?: number,
  ) {
    super(`${url}: ${message}`);
    this.name = 'LoadError';
  }
}

/** Fetches JSON; a non-2xx answer or unreadable JSON becomes a `LoadError` naming the URL. */
export async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(url, signal ? { signal } : {});
  if (!response.ok) throw new LoadError(url, `HTTP ${response.status}`, response.status);
  try {
    return (await response.json()) as unknown;
  } catch (error) {
    throw new LoadError(url, `not valid JSON (${(error as Error).message})`);
  }
}
