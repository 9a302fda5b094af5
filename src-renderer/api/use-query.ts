import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelName, EventName, Input, Output } from '../../src-shared/contract';
import { ApiError, invoke, onEvent } from './client';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | null;
  /** True while a request is in flight (the previous data stays visible meanwhile). */
  loading: boolean;
  refetch: () => void;
}

export interface QueryOptions {
  /** Events that make the data stale; by default run ends and deal changes. */
  refreshOn?: EventName[];
  /** Only refresh on events for this deal. */
  dealId?: number;
  /** Minimum milliseconds between event-driven refreshes (progress events are frequent). */
  throttleMs?: number;
}

const DEFAULT_REFRESH: EventName[] = ['run.finished', 'deals.changed'];

/**
 * Fetches a contract query and refetches it when its input changes or a relevant event arrives.
 * No cache: every screen reads through the contract, and out-of-order answers are dropped.
 */
export function useQuery<C extends ChannelName>(channel: C, input: Input<C> | null, options: QueryOptions = {}): QueryState<Output<C>> {
  const [data, setData] = useState<Output<C> | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [tick, setTick] = useState(0);
  const sequence = useRef(0);
  const key = input === null ? null : JSON.stringify(input);
  const lastKey = useRef<string | null>(null);

  useEffect(() => {
    if (key === null) return;
    const mine = ++sequence.current;
    if (lastKey.current !== key) {
      lastKey.current = key;
      setData(undefined);
    }
    setLoading(true);
    invoke(channel, JSON.parse(key) as Input<C>).then(
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
  }, [channel, key, tick]);

  const refetch = useCallback(() => setTick((t) => t + 1), []);
  useRefreshOn(options.refreshOn ?? DEFAULT_REFRESH, refetch, options.dealId, options.throttleMs);
  return { data, error, loading, refetch };
}

/** Calls `refresh` when one of the events arrives (for the given deal), at most every throttleMs. */
export function useRefreshOn(events: EventName[], refresh: () => void, dealId?: number, throttleMs = 0): void {
  const eventsKey = events.join(',');
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const fire = () => {
      const wait = last + throttleMs - Date.now();
      if (wait <= 0) {
        last = Date.now();
        refresh();
      } else if (!timer) {
        timer = setTimeout(() => {
          timer = null;
          last = Date.now();
          refresh();
        }, wait);
      }
    };
    const offs = eventsKey.split(',').map((event) =>
      onEvent(event as EventName, (payload) => {
        const target = (payload as { dealId?: number | null }).dealId;
        if (dealId === undefined || target === undefined || target === null || target === dealId) fire();
      }),
    );
    return () => {
      offs.forEach((off) => off());
      if (timer) clearTimeout(timer);
    };
  }, [eventsKey, refresh, dealId, throttleMs]);
}
