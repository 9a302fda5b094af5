// Deal archives (issue 6, item 6): one deal to one SQLite file, and back into another database.
export { ArchiveError, type ArchiveErrorCode } from './errors';
export { exportDealArchive, type ExportResult } from './export';
export { importDealArchive, type ImportResult } from './import';
export { openArchive, type ArchiveMeta, type OpenedArchive } from './validate';
export { ARCHIVE_FORMAT_VERSION, ARCHIVE_META_TABLE, EXCLUDED, TABLES, isExcluded } from './tables';
