DROP INDEX `observations_current_unique`;--> statement-breakpoint
DROP INDEX `observations_series_date_idx`;--> statement-breakpoint
CREATE INDEX `observations_series_date_known_idx` ON `observations` (`series_id`,`date`,`known_from`);