/** Says what came back instead of an OpenAI API answer, without quoting it: a whole web page is no help in a status line. */
export function describeForeignAnswer(status: number, headers: Headers | undefined): string {
  const mediaType = headers?.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  const what = !mediaType ? 'an empty or untyped body' : mediaType === 'text/html' ? 'an HTML page' : mediaType.endsWith('json') ? 'JSON of another kind' : `${mediaType} content`;
  return `The server answered HTTP ${status} with ${what}, not an OpenAI API answer.`;
}
