CREATE TABLE `forecasts` (
	`id` integer PRIMARY KEY NOT NULL,
	`question_id` text NOT NULL,
	`user_id` text NOT NULL,
	`at` integer NOT NULL,
	`probability` real,
	`value` real,
	`low` real,
	`high` real,
	`rationale` text DEFAULT '' NOT NULL,
	`note_id` text,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `forecasts_question_idx` ON `forecasts` (`question_id`,`at`);--> statement-breakpoint
CREATE INDEX `forecasts_user_idx` ON `forecasts` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `question_tags` (
	`question_id` text NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`question_id`, `tag`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `questions` (
	`id` text PRIMARY KEY NOT NULL,
	`notebook_id` text NOT NULL,
	`title` text NOT NULL,
	`details` text DEFAULT '' NOT NULL,
	`criteria` text NOT NULL,
	`resolve_by` text NOT NULL,
	`kind` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`range_min` real,
	`range_max` real,
	`rule` text,
	`status` text DEFAULT 'open' NOT NULL,
	`outcome` real,
	`resolved_at` integer,
	`resolved_by` text,
	`resolution_source` text,
	`resolution_comment` text DEFAULT '' NOT NULL,
	`evidence` text,
	`rule_status` text,
	`rule_active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`notebook_id`) REFERENCES `notebooks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `questions_notebook_idx` ON `questions` (`notebook_id`,`status`,`resolve_by`);--> statement-breakpoint
ALTER TABLE `notebooks` ADD `fred_api_key` text;