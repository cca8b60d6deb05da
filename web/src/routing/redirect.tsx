import { useEffect } from 'react';
import { navigate } from './hash-route.js';

/** Replaces the current route once rendered. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
