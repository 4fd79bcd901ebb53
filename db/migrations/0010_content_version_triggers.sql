-- Every change to what a share page can show moves its notebook's content_version on, so the share page cache
-- (keyed by it) renders again. Observations are covered by series.data_version, which each import moves on.
CREATE TRIGGER `notes_content_version_after_insert` AFTER INSERT ON `notes` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = new.`notebook_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `notes_content_version_after_update` AFTER UPDATE ON `notes` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = new.`notebook_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `notes_content_version_after_delete` AFTER DELETE ON `notes` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = old.`notebook_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `series_content_version_after_insert` AFTER INSERT ON `series` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = new.`notebook_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `series_content_version_after_update` AFTER UPDATE ON `series` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = new.`notebook_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `series_content_version_after_delete` AFTER DELETE ON `series` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = old.`notebook_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `charts_content_version_after_insert` AFTER INSERT ON `charts` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = new.`notebook_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `charts_content_version_after_update` AFTER UPDATE ON `charts` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = new.`notebook_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `charts_content_version_after_delete` AFTER DELETE ON `charts` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = old.`notebook_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `questions_content_version_after_insert` AFTER INSERT ON `questions` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = new.`notebook_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `questions_content_version_after_update` AFTER UPDATE ON `questions` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = new.`notebook_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `questions_content_version_after_delete` AFTER DELETE ON `questions` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = old.`notebook_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `forecasts_content_version_after_insert` AFTER INSERT ON `forecasts` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = (SELECT `notebook_id` FROM `questions` WHERE `id` = new.`question_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `forecasts_content_version_after_update` AFTER UPDATE ON `forecasts` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = (SELECT `notebook_id` FROM `questions` WHERE `id` = new.`question_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `forecasts_content_version_after_delete` AFTER DELETE ON `forecasts` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = (SELECT `notebook_id` FROM `questions` WHERE `id` = old.`question_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `notebooks_content_version_after_rename` AFTER UPDATE OF `name`, `description` ON `notebooks` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1 WHERE `id` = new.`id`;
END;
