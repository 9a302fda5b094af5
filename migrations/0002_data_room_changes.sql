CREATE TABLE `document_chunks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`page` integer,
	`sheet` text,
	`row` integer,
	`line` integer,
	`section` text,
	`text` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_chunks_doc_seq_uq` ON `document_chunks` (`document_id`,`seq`);--> statement-breakpoint
ALTER TABLE `analysis_runs` ADD `baseline_run_id` integer;--> statement-breakpoint
ALTER TABLE `documents` ADD `text_chunks` integer;--> statement-breakpoint
ALTER TABLE `fact_evidence` ADD `confidence` real;--> statement-breakpoint
ALTER TABLE `fact_evidence` ADD `category` text;--> statement-breakpoint
ALTER TABLE `fact_evidence` ADD `subject_name` text;--> statement-breakpoint
ALTER TABLE `fact_evidence` ADD `written_name` text;--> statement-breakpoint
ALTER TABLE `fact_evidence` ADD `value_text` text;--> statement-breakpoint
ALTER TABLE `fact_evidence` ADD `unit` text;--> statement-breakpoint
ALTER TABLE `fact_evidence` ADD `derivation` text;--> statement-breakpoint
ALTER TABLE `run_documents` ADD `change` text;--> statement-breakpoint
ALTER TABLE `run_documents` ADD `reused_from_run_id` integer;