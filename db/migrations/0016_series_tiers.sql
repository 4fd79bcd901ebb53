CREATE TABLE `series_tiers` (
	`series_id` text NOT NULL,
	`data_version` integer NOT NULL,
	`block` integer NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`series_id`, `data_version`, `block`),
	FOREIGN KEY (`series_id`) REFERENCES `series`(`id`) ON UPDATE no action ON DELETE cascade
);
