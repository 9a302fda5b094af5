CREATE TABLE `analysis_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`run_number` integer NOT NULL,
	`status` text NOT NULL,
	`engine_version` text NOT NULL,
	`settings` text NOT NULL,
	`phase` text NOT NULL,
	`docs_total` integer DEFAULT 0 NOT NULL,
	`docs_done` integer DEFAULT 0 NOT NULL,
	`docs_failed` integer DEFAULT 0 NOT NULL,
	`fact_count` integer DEFAULT 0 NOT NULL,
	`gap_count` integer DEFAULT 0 NOT NULL,
	`finding_count` integer DEFAULT 0 NOT NULL,
	`owner_pid` integer,
	`owner_host` text,
	`started_at` text NOT NULL,
	`heartbeat_at` text NOT NULL,
	`finished_at` text,
	`error` text,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `runs_deal_number_uq` ON `analysis_runs` (`deal_id`,`run_number`);--> statement-breakpoint
CREATE INDEX `runs_deal_status_finished_idx` ON `analysis_runs` (`deal_id`,`status`,`finished_at`);--> statement-breakpoint
CREATE INDEX `runs_status_idx` ON `analysis_runs` (`status`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`target_name` text,
	`buyer_name` text,
	`deal_type` text NOT NULL,
	`as_of_date` text NOT NULL,
	`data_room_path` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	`deleted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deals_name_live_uq` ON `deals` (`name`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`entity` text NOT NULL,
	`relative_path` text NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`kind` text NOT NULL,
	`page_count` integer,
	`status` text NOT NULL,
	`error` text,
	`error_code` text,
	`version` integer NOT NULL,
	`previous_version_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_deal_path_hash_uq` ON `documents` (`deal_id`,`relative_path`,`sha256`);--> statement-breakpoint
CREATE INDEX `documents_deal_status_idx` ON `documents` (`deal_id`,`status`);--> statement-breakpoint
CREATE TABLE `fact_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fact_id` integer NOT NULL,
	`run_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`location_key` text NOT NULL,
	`page` integer,
	`sheet` text,
	`row` integer,
	`line` integer,
	`section` text,
	`quote` text NOT NULL,
	FOREIGN KEY (`fact_id`) REFERENCES `facts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fact_evidence_uq` ON `fact_evidence` (`fact_id`,`document_id`,`location_key`);--> statement-breakpoint
CREATE INDEX `fact_evidence_document_idx` ON `fact_evidence` (`document_id`);--> statement-breakpoint
CREATE INDEX `fact_evidence_run_document_idx` ON `fact_evidence` (`run_id`,`document_id`);--> statement-breakpoint
CREATE TABLE `facts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stable_key` text NOT NULL,
	`deal_id` integer NOT NULL,
	`run_id` integer NOT NULL,
	`entity` text NOT NULL,
	`domain` text NOT NULL,
	`category` text NOT NULL,
	`subject_key` text,
	`subject_kind` text,
	`subject_name` text,
	`attribute` text NOT NULL,
	`value_type` text NOT NULL,
	`value_text` text NOT NULL,
	`value_number` real,
	`currency` text,
	`unit` text,
	`confidence` real NOT NULL,
	`derivation` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `analysis_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `facts_run_key_uq` ON `facts` (`run_id`,`stable_key`);--> statement-breakpoint
CREATE INDEX `facts_deal_run_domain_idx` ON `facts` (`deal_id`,`run_id`,`domain`);--> statement-breakpoint
CREATE INDEX `facts_run_attribute_idx` ON `facts` (`run_id`,`attribute`);--> statement-breakpoint
CREATE INDEX `facts_run_subject_idx` ON `facts` (`run_id`,`subject_key`);--> statement-breakpoint
CREATE TABLE `finding_evidence` (
	`finding_id` integer NOT NULL,
	`evidence_kind` text NOT NULL,
	`ref_id` integer NOT NULL,
	PRIMARY KEY(`finding_id`, `evidence_kind`, `ref_id`),
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stable_key` text NOT NULL,
	`deal_id` integer NOT NULL,
	`run_id` integer NOT NULL,
	`rule_id` text NOT NULL,
	`type` text NOT NULL,
	`domain` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`severity` text NOT NULL,
	`severity_rank` integer NOT NULL,
	`lens` text NOT NULL,
	`phase` text,
	`cost_band` text,
	`reasoning` text NOT NULL,
	`subject_keys` text DEFAULT '[]' NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `analysis_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `findings_run_key_uq` ON `findings` (`run_id`,`stable_key`);--> statement-breakpoint
CREATE INDEX `findings_deal_run_type_severity_idx` ON `findings` (`deal_id`,`run_id`,`type`,`severity_rank`);--> statement-breakpoint
CREATE INDEX `findings_deal_run_domain_idx` ON `findings` (`deal_id`,`run_id`,`domain`);--> statement-breakpoint
CREATE TABLE `gaps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stable_key` text NOT NULL,
	`deal_id` integer NOT NULL,
	`run_id` integer NOT NULL,
	`checklist_item` text NOT NULL,
	`domain` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`importance` text NOT NULL,
	`importance_rank` integer NOT NULL,
	`request` text NOT NULL,
	`reasoning` text NOT NULL,
	`related_fact_keys` text DEFAULT '[]' NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `analysis_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gaps_run_key_uq` ON `gaps` (`run_id`,`stable_key`);--> statement-breakpoint
CREATE INDEX `gaps_deal_run_domain_idx` ON `gaps` (`deal_id`,`run_id`,`domain`);--> statement-breakpoint
CREATE INDEX `gaps_deal_run_importance_idx` ON `gaps` (`deal_id`,`run_id`,`importance_rank`);--> statement-breakpoint
CREATE TABLE `run_documents` (
	`run_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`status` text NOT NULL,
	`evidence_count` integer DEFAULT 0 NOT NULL,
	`error` text,
	`finished_at` text,
	PRIMARY KEY(`run_id`, `document_id`),
	FOREIGN KEY (`run_id`) REFERENCES `analysis_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `run_documents_document_idx` ON `run_documents` (`document_id`);--> statement-breakpoint
CREATE TABLE `subjects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`run_id` integer NOT NULL,
	`stable_key` text NOT NULL,
	`entity` text NOT NULL,
	`domain` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`aliases` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `analysis_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subjects_run_key_uq` ON `subjects` (`run_id`,`stable_key`);--> statement-breakpoint
CREATE INDEX `subjects_deal_run_kind_idx` ON `subjects` (`deal_id`,`run_id`,`domain`,`kind`);