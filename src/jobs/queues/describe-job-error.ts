const MAX_LENGTH = 500;

/**
 * What a failed attempt leaves in `lastError` for the Jobs screen: the error's message only (never
 * its stack or cause), one line, credentials in URLs blanked, at most 500 characters.
 */
export function describeJobError(error: unknown): string {
  // An anticipated failure (an Amazon outage) explains itself; an unexpected one is named by its class.
  const named = error instanceof Error && error.name !== 'Error' && !('expected' in error && error.expected === true);
  const message = error instanceof Error ? `${named ? `${error.name}: ` : ''}${error.message}` : String(error);
  const oneLine = message
    .replace(/\s+/g, ' ')
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1***@')
    .trim();
  const text = oneLine || 'The job failed without a message.';
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
