ALTER TABLE `analysis_runs` ADD `search_indexed_at` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `text_indexed` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- The index moves off the per-document write path: maintained row by row through triggers it
-- tripled the cost of committing a document (npm run bench:writes). The runner now indexes a run's
-- facts and the deal's new document text in bulk, once per run, and records it (the columns above).
DROP TRIGGER `facts_fts_ai`;
--> statement-breakpoint
DROP TRIGGER `facts_fts_ad`;
--> statement-breakpoint
DROP TRIGGER `facts_fts_au`;
--> statement-breakpoint
DROP TRIGGER `document_chunks_fts_ai`;
--> statement-breakpoint
DROP TRIGGER `document_chunks_fts_ad`;
--> statement-breakpoint
DROP TRIGGER `document_chunks_fts_au`;
--> statement-breakpoint
-- Until now the triggers indexed every fact and chunk as written: record that, so nothing is indexed twice.
UPDATE `analysis_runs` SET `search_indexed_at` = strftime('%Y-%m-%dT%H:%M:%fZ','now');
--> statement-breakpoint
UPDATE `documents` SET `text_indexed` = 1 WHERE `text_chunks` IS NOT NULL;
