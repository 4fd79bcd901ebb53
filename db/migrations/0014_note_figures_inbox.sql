CREATE TABLE `inbox_dismissals` (
	`user_id` text NOT NULL,
	`item_key` text NOT NULL,
	`dismissed_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `item_key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `note_figures` (
	`note_id` text NOT NULL,
	`figure_key` text NOT NULL,
	`shown` text NOT NULL,
	`value` real,
	`used` text DEFAULT '[]' NOT NULL,
	`data_versions` text DEFAULT '{}' NOT NULL,
	`recorded_at` integer NOT NULL,
	PRIMARY KEY(`note_id`, `figure_key`),
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE cascade
);
