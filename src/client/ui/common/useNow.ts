import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `ms` (relative times and "today" move on by themselves). */
export function useNow(ms = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
