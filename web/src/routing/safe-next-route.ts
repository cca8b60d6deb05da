/** The `next` route after login; only in-app routes, so a crafted link cannot send anyone elsewhere. */
export function safeNextRoute(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login') || next.startsWith('/setup')) return '/dashboard';
  return next;
}
