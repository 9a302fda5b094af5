CREATE TABLE `review_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`item_kind` text NOT NULL,
	`stable_key` text NOT NULL,
	`field` text NOT NULL,
	`before` text,
	`after` text,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_audit_deal_at_idx` ON `review_audit` (`deal_id`,`at`);--> statement-breakpoint
CREATE INDEX `review_audit_item_idx` ON `review_audit` (`deal_id`,`item_kind`,`stable_key`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`deal_id` integer NOT NULL,
	`item_kind` text NOT NULL,
	`stable_key` text NOT NULL,
	`status` text,
	`reason` text,
	`note` text,
	`severity_override` text,
	`severity_override_rank` integer,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	PRIMARY KEY(`deal_id`, `item_kind`, `stable_key`),
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reviews_deal_status_idx` ON `reviews` (`deal_id`,`item_kind`,`status`);