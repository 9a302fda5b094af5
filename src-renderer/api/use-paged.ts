import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventName, Input, Output, Scope } from '../../src-shared/contract';
import { ApiError, invoke } from './client';
import { useRefreshOn } from './use-query';

type PagedChannel = 'facts.list' | 'gaps.list' | 'findings.list' | 'documents.list' | 'inventory.list';
export type RowOf<C extends PagedChannel> = Output<C>['rows'][number];

const BLOCK = 100;

export interface PagedRows<C extends PagedChannel> {
  total: number | null;
  scope: Scope | null;
  /** The first response of the current query (inventory columns, labels…). */
  head: Output<C> | null;
  rowAt(index: number): RowOf<C> | undefined;
  /** Asks for the rows in [start, end): the virtual table calls it as it scrolls. */
  requestRange(start: number, end: number): void;
  loading: boolean;
  error: ApiError | null;
  /** Changes whenever rows arrive (the table re-renders on it). */
  version: number;
}

/**
 * Rows of a list query, fetched from SQL one block of 100 at a time as the table scrolls; only the
 * blocks seen are held, and all of them are dropped when the filters change.
 */
export function usePagedRows<C extends PagedChannel>(channel: C, base: Omit<Input<C>, 'page'> | null, options: { dealId?: number; refreshOn?: EventName[] } = {}): PagedRows<C> {
  const key = base === null ? null : JSON.stringify(base);
  const blocks = useRef(new Map<number, Array<RowOf<C>>>());
  const inFlight = useRef(new Set<number>());
  const fresh = useRef(new Set<number>());
  const generation = useRef(0);
  const lastRange = useRef<[number, number]>([0, BLOCK]);
  const [version, setVersion] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [scope, setScope] = useState<Scope | null>(null);
  const [head, setHead] = useState<Output<C> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    (block: number) => {
      if (key === null || inFlight.current.has(block) || fresh.current.has(block)) return;
      const mine = generation.current;
      inFlight.current.add(block);
      setLoading(true);
      const input = { ...(JSON.parse(key) as object), page: { limit: BLOCK, offset: block * BLOCK } } as Input<C>;
      invoke(channel, input).then(
        (result) => {
          if (mine !== generation.current) return;
          inFlight.current.delete(block);
          fresh.current.add(block);
          blocks.current.set(block, result.rows as Array<RowOf<C>>);
          setTotal(result.total);
          setScope(result.scope);
          if (block === 0) setHead(result);
          setError(null);
          setLoading(inFlight.current.size > 0);
          setVersion((v) => v + 1);
        },
        (err: unknown) => {
          if (mine !== generation.current) return;
          inFlight.current.delete(block);
          setError(err instanceof ApiError ? err : new ApiError('internal', String(err)));
          setLoading(inFlight.current.size > 0);
        },
      );
    },
    [channel, key],
  );

  const requestRange = useCallback(
    (start: number, end: number) => {
      lastRange.current = [start, end];
      const first = Math.floor(Math.max(start, 0) / BLOCK);
      const last = Math.floor(Math.max(end - 1, 0) / BLOCK);
      for (let b = first; b <= last; b++) load(b);
    },
    [load],
  );

  // New filters: forget every block and start from the top.
  useEffect(() => {
    generation.current += 1;
    blocks.current = new Map();
    inFlight.current = new Set();
    fresh.current = new Set();
    setTotal(null);
    setHead(null);
    setError(null);
    lastRange.current = [0, BLOCK];
    if (key !== null) load(0);
    setVersion((v) => v + 1);
  }, [key, load]);

  // The data changed underneath (a run finished): refetch what is on screen, keeping it visible meanwhile.
  const refresh = useCallback(() => {
    generation.current += 1;
    inFlight.current = new Set();
    fresh.current = new Set();
    load(0);
    requestRange(...lastRange.current);
  }, [load, requestRange]);
  useRefreshOn(options.refreshOn ?? ['run.finished', 'deals.changed'], refresh, options.dealId);

  const rowAt = useCallback((index: number) => blocks.current.get(Math.floor(index / BLOCK))?.[index % BLOCK], []);
  return { total, scope, head, rowAt, requestRange, loading, error, version };
}
