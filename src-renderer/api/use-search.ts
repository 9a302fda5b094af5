import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../src-shared/contract';
import { ApiError, invoke } from './client';

/** How long typing must pause before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 120;

/**
 * As-you-type search: waits for a short pause, keeps showing the previous results while the next
 * ones load, and drops answers that arrive out of order.
 */
export function useSearch(dealId: number, runNumber: number | undefined, text: string): { data: SearchResult | null; loading: boolean; error: ApiError | null } {
  const [data, setData] = useState<SearchResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const sequence = useRef(0);
  useEffect(() => {
    const query = text.trim();
    const mine = ++sequence.current;
    if (query === '') {
      setData(null);
      setLoading(false);
      setError(null);
      return;
    }
    setLoading(true);
    const timer = setTimeout(() => {
      invoke('search.query', { dealId, runNumber, text: query.slice(0, 200), limit: 25 }).then(
        (result) => {
          if (mine !== sequence.current) return;
          setData(result);
          setError(null);
          setLoading(false);
        },
        (err: unknown) => {
          if (mine !== sequence.current) return;
          setError(err instanceof ApiError ? err : new ApiError('internal', String(err)));
          setLoading(false);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [dealId, runNumber, text]);
  return { data, loading, error };
}
