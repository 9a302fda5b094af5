import { and, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/open';
import { hiddenByReview } from './review-visibility';

export interface Page {
  limit: number;
  offset: number;
}

export interface PageResult<T> {
  rows: T[];
  total: number;
}

export interface ScopeOptions {
  /** Soft-deleted rows (deleted_at set, or findings dismissed in review) are hidden unless this is set. */
  includeDeleted?: boolean;
}

/**
 * The one place that knows about soft delete (DESIGN invariant 9): every repository builds its
 * WHERE clause through `where`, which hides rows with deleted_at unless asked.
 */
export abstract class BaseRepository {
  constructor(protected readonly db: Db) {}

  protected where(deletedAt: SQLiteColumn, options: ScopeOptions, ...conditions: Array<SQL | undefined>): SQL | undefined {
    if (options.includeDeleted) return and(...conditions);
    // Dismissing is a soft delete decided per deal and stable key; it hides in the same place.
    return and(isNull(deletedAt), hiddenByReview(deletedAt), ...conditions);
  }

  protected now(): string {
    return new Date().toISOString();
  }
}

export const MAX_PAGE_SIZE = 500;

export function clampPage(page: Partial<Page> | undefined): Page {
  const limit = Math.min(Math.max(Math.trunc(page?.limit ?? 50), 1), MAX_PAGE_SIZE);
  const offset = Math.max(Math.trunc(page?.offset ?? 0), 0);
  return { limit, offset };
}

/** Escapes LIKE wildcards so a user's "100%" searches for the text, not a pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Case-insensitive substring match with the user's text taken literally. */
export function containsText(column: SQLiteColumn, text: string): SQL {
  return sql`${column} LIKE ${likePattern(text)} ESCAPE '\\'`;
}
