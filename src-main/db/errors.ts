export type DatabaseErrorCode =
  | 'not_a_database'
  | 'foreign_database'
  | 'newer_version'
  | 'migration_mismatch'
  | 'migration_failed'
  | 'locked'
  | 'read_only'
  | 'disk_full'
  | 'unreadable';

/** A database problem the user can act on; the message says what happened and what to do. */
export class DatabaseError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseError';
  }
}

/** better-sqlite3 errors carry SQLite's extended result code as `code` (for example SQLITE_FULL). */
export function sqliteCode(error: unknown): string | null {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code.startsWith('SQLITE_') ? error.code : null;
  }
  return null;
}

/** Turns low-level SQLite failures into errors that say what the user can do; others pass through. */
export function translateSqliteError(error: unknown, file: string): unknown {
  const code = sqliteCode(error);
  if (!code) return error;
  if (code === 'SQLITE_FULL') {
    return new DatabaseError('disk_full', `The disk or database is full while writing ${file}. Free some space and resume the run.`, { cause: error });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DatabaseError('locked', `The database ${file} is locked by another process. Close other Diligence Desk windows or wait for the other analysis to finish, then try again.`, { cause: error });
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new DatabaseError('read_only', `The database ${file} is read-only (or was deleted or replaced while in use). Check its permissions and location.`, { cause: error });
  }
  if (code === 'SQLITE_NOTADB') {
    return new DatabaseError('not_a_database', `${file} is not a SQLite database.`, { cause: error });
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return new DatabaseError('unreadable', `The database ${file} cannot be read or written (${code}). Check that the disk is present and the file was not moved.`, { cause: error });
  }
  return error;
}
