CREATE TABLE `notebook_changes` (
	`notebook_id` text NOT NULL,
	`shard` integer NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`updated_at` integer,
	PRIMARY KEY(`notebook_id`, `shard`),
	FOREIGN KEY (`notebook_id`) REFERENCES `notebooks`(`id`) ON UPDATE no action ON DELETE cascade
);
