const EVENT = 'passivewp:api-write';

/**
 * Tells the page that a request which may have changed engine state finished, so screens that show
 * that state elsewhere (the pause banner) can ask again without knowing who changed it.
 */
export function announceApiWrite(path: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: path }));
}

/** Calls `listener` with the API path of every finished write; returns the unsubscribe. */
export function onApiWrite(listener: (path: string) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<string>).detail);
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}
