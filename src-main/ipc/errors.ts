import { z } from 'zod';
import type { AppErrorPayload, ErrorCode } from '../../src-shared/contract';
import { DataRoomError } from '../analysis/ingest/walk';
import { RunConflictError } from '../analysis/runner/runner';
import { DatabaseError } from '../db/errors';
import { DealDataError } from '../deal-data/errors';
import { ArchiveError } from '../services/archive';
import { CompareError } from '../services/diff';
import { ExportError } from '../services/export/common';
import { ReviewError } from '../services/review';

/** An error raised by the IPC layer itself, with the code the renderer sees. */
export class IpcError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcError';
  }
}

/**
 * Maps anything thrown behind the router to {code, message}. Known errors keep their message (it is
 * written for the user); anything else becomes 'internal' with a generic message, so stack traces,
 * SQL and file paths of unexpected failures never reach the window.
 */
export function toErrorPayload(error: unknown): AppErrorPayload {
  if (error instanceof IpcError) return { code: error.code, message: error.message };
  if (error instanceof DealDataError) return { code: error.code, message: error.message };
  if (error instanceof ReviewError) return { code: error.code === 'not_found' ? 'not_found' : 'validation', message: error.message };
  if (error instanceof CompareError) return { code: 'not_found', message: error.message };
  if (error instanceof ExportError) return { code: error.contractCode, message: error.message };
  if (error instanceof ArchiveError) return { code: ARCHIVE_CODES[error.code], message: error.message };
  if (error instanceof RunConflictError) return { code: 'conflict', message: error.message };
  if (error instanceof DataRoomError) return { code: 'invalid_data_room', message: error.message };
  if (error instanceof DatabaseError) return { code: 'database', message: error.message };
  if (error instanceof z.ZodError) return { code: 'validation', message: describeIssues(error) };
  return { code: 'internal', message: 'Something went wrong in Diligence Desk. The error was logged; try again.' };
}

const ARCHIVE_CODES: Record<ArchiveError['code'], ErrorCode> = {
  not_archive: 'validation',
  newer_version: 'validation',
  corrupt: 'validation',
  name_taken: 'conflict',
  not_found: 'not_found',
  io: 'unavailable',
};

export function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `Invalid request — ${issues.join('; ')}${more}`;
}
