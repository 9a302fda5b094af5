CREATE TABLE `llm_responses` (
	`document_sha256` text NOT NULL,
	`prompt_version` text NOT NULL,
	`model` text NOT NULL,
	`request_sha256` text NOT NULL,
	`provider` text NOT NULL,
	`content` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`document_sha256`, `prompt_version`, `model`, `request_sha256`)
);
--> statement-breakpoint
CREATE TABLE `llm_run_documents` (
	`run_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`provider` text NOT NULL,
	`model` text NOT NULL,
	`prompt_version` text NOT NULL,
	`status` text NOT NULL,
	`parts` integer NOT NULL,
	`calls` integer NOT NULL,
	`cache_hits` integer NOT NULL,
	`proposed` integer NOT NULL,
	`kept` integer NOT NULL,
	`rejected_quotes` integer NOT NULL,
	`invalid` integer NOT NULL,
	`duplicates` integer NOT NULL,
	`conflicts` integer NOT NULL,
	`error` text,
	PRIMARY KEY(`run_id`, `document_id`),
	FOREIGN KEY (`run_id`) REFERENCES `analysis_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `llm_run_documents_document_idx` ON `llm_run_documents` (`document_id`);--> statement-breakpoint
CREATE TABLE `llm_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`provider` text NOT NULL,
	`endpoint` text NOT NULL,
	`model` text NOT NULL,
	`api_key_ciphertext` blob,
	`allow_remote` integer DEFAULT false NOT NULL,
	`timeout_ms` integer NOT NULL,
	`max_attempts` integer NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "llm_settings_single_row" CHECK("llm_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE `fact_evidence` ADD `source` text;