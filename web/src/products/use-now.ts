import { useEffect, useState } from 'react';

/**
 * The current time, renewed every `intervalMs` and whenever `data` changes (a new answer is compared
 * with the time it arrived), so "5 min ago" keeps counting while a screen stays open.
 */
export function useNow(intervalMs = 60_000, data?: unknown): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs, data]);
  return now;
}
