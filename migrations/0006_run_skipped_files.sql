CREATE TABLE `run_skipped_files` (
	`run_id` integer NOT NULL,
	`relative_path` text NOT NULL,
	`reason` text NOT NULL,
	PRIMARY KEY(`run_id`, `relative_path`),
	FOREIGN KEY (`run_id`) REFERENCES `analysis_runs`(`id`) ON UPDATE no action ON DELETE no action
);
