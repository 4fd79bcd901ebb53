CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`notebook_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`thread_id` text,
	`author_id` text,
	`body` text NOT NULL,
	`anchor` text,
	`detached` integer DEFAULT false NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	`edited_at` integer,
	`deleted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`notebook_id`) REFERENCES `notebooks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`thread_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `comments_target_idx` ON `comments` (`target_type`,`target_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_thread_idx` ON `comments` (`thread_id`);--> statement-breakpoint
CREATE INDEX `comments_notebook_idx` ON `comments` (`notebook_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `mentions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notebook_id` text NOT NULL,
	`user_id` text NOT NULL,
	`by_user_id` text,
	`source_type` text NOT NULL,
	`source_id` text NOT NULL,
	`href` text NOT NULL,
	`excerpt` text DEFAULT '' NOT NULL,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`notebook_id`) REFERENCES `notebooks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentions_source_user_unique` ON `mentions` (`user_id`,`source_type`,`source_id`);--> statement-breakpoint
CREATE INDEX `mentions_user_idx` ON `mentions` (`user_id`,`at`);--> statement-breakpoint
ALTER TABLE `memberships` ADD `leaderboard_hidden` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `notebooks` ADD `reminder_days` integer DEFAULT 30 NOT NULL;