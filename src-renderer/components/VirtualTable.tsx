import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { formatCount } from '../lib/format';
import { Icon } from './Icons';
import { EmptyState, ErrorBox } from './States';
import type { ApiError } from '../api/client';

export interface Column<R> {
  key: string;
  label: string;
  /** A CSS grid track: '2fr', 'minmax(120px, 1fr)', '96px'… */
  width: string;
  render: (row: R) => ReactNode;
  /** The sort key sent to the query when this header is clicked. */
  sort?: string;
  align?: 'right';
}

export interface RowSource<R> {
  total: number | null;
  rowAt(index: number): R | undefined;
  requestRange(start: number, end: number): void;
  loading: boolean;
  error: ApiError | null;
  version: number;
}

interface Props<R> {
  label: string;
  columns: Column<R>[];
  source: RowSource<R>;
  rowKey: (row: R) => string | number;
  onOpen?: (row: R) => void;
  selectedKey?: string | number | null;
  sort?: { by: string; dir: 'asc' | 'desc' };
  onSort?: (by: string) => void;
  emptyTitle: string;
  emptyText?: ReactNode;
  rowHeight?: number;
}

const OVERSCAN = 8;

/**
 * A table that renders only the rows in view, over a row source that pages in SQL: 100,000 rows
 * cost the DOM about forty. Arrow keys, Page Up/Down, Home/End move; Enter opens.
 */
export function VirtualTable<R>({ label, columns, source, rowKey, onOpen, selectedKey, sort, onSort, emptyTitle, emptyText, rowHeight = 40 }: Props<R>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(480);
  const [active, setActive] = useState(0);
  const id = useId();
  const total = source.total ?? 0;
  const template = columns.map((c) => c.width).join(' ');

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const { requestRange } = source;
  useEffect(() => {
    if (total > 0) requestRange(first, last);
  }, [first, last, total, requestRange, source.version]);

  // A new query starts at the top.
  useEffect(() => {
    if (source.total === null && viewport.current) {
      viewport.current.scrollTop = 0;
      setActive(0);
    }
  }, [source.total]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    const el = viewport.current;
    if (!el) return;
    const top = next * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active - 1),
      PageDown: () => moveTo(active + page),
      PageUp: () => moveTo(active - page),
      Home: () => moveTo(0),
      End: () => moveTo(total - 1),
      Enter: () => {
        const row = source.rowAt(active);
        if (row && onOpen) onOpen(row);
      },
    };
    const action = keys[event.key];
    if (action && total > 0) {
      event.preventDefault();
      action();
    }
  };

  const rows: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    const row = source.rowAt(index);
    const key = row ? rowKey(row) : null;
    rows.push(
      <div
        key={index}
        id={`${id}-r${index}`}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={key !== null && key === selectedKey}
        className={`vt-row${index === active ? ' active' : ''}${key !== null && key === selectedKey ? ' selected' : ''}${row ? '' : ' placeholder'}`}
        style={{ transform: `translateY(${index * rowHeight}px)`, height: rowHeight, gridTemplateColumns: template }}
        onClick={() => {
          setActive(index);
          if (row && onOpen) onOpen(row);
        }}
      >
        {columns.map((c) => (
          <div key={c.key} role="gridcell" className={`vt-cell${c.align === 'right' ? ' right' : ''}`}>
            {row ? c.render(row) : <span className="skeleton" />}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div className="vt">
      <div className="vt-head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div key={c.key} role="columnheader" className={`vt-cell${c.align === 'right' ? ' right' : ''}`} aria-sort={sort && c.sort === sort.by ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
            {c.sort && onSort ? (
              <button className="sort-btn" onClick={() => onSort(c.sort!)}>
                {c.label}
                {sort?.by === c.sort && <Icon name={sort.dir === 'asc' ? 'arrowUp' : 'arrowDown'} size={13} />}
              </button>
            ) : (
              c.label
            )}
          </div>
        ))}
      </div>
      <div
        ref={viewport}
        className="vt-body"
        role="grid"
        aria-label={label}
        aria-rowcount={total + 1}
        aria-activedescendant={total > 0 ? `${id}-r${active}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        {source.error ? (
          <ErrorBox error={source.error} />
        ) : source.total === 0 ? (
          <EmptyState icon="search" title={emptyTitle}>
            {emptyText}
          </EmptyState>
        ) : (
          <div className="vt-spacer" style={{ height: total * rowHeight }}>
            {rows}
          </div>
        )}
      </div>
      <div className="vt-foot" aria-live="polite">
        {source.total === null ? 'Loading…' : `${formatCount(total)} ${total === 1 ? 'row' : 'rows'}`}
        {source.loading && source.total !== null && <span className="spinner small" aria-hidden="true" />}
      </div>
    </div>
  );
}
