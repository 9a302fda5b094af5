export type ArchiveErrorCode = 'not_archive' | 'newer_version' | 'corrupt' | 'name_taken' | 'not_found' | 'io';

/** A deal archive could not be written or read; the message says which file, why, and what to do. */
export class ArchiveError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ArchiveError';
  }
}
