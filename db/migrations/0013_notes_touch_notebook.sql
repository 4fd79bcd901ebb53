-- A note written moves its notebook's updated_at on (the notebook list's "most recently changed first") in the same
-- trigger that moves content_version on, so a save no longer runs a statement of its own for it. The notebook takes
-- the note's updated_at, never going back.
DROP TRIGGER `notes_content_version_after_insert`;
--> statement-breakpoint
DROP TRIGGER `notes_content_version_after_update`;
--> statement-breakpoint
CREATE TRIGGER `notes_content_version_after_insert` AFTER INSERT ON `notes` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1, `updated_at` = max(`updated_at`, new.`updated_at`) WHERE `id` = new.`notebook_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `notes_content_version_after_update` AFTER UPDATE ON `notes` BEGIN
  UPDATE `notebooks` SET `content_version` = `content_version` + 1, `updated_at` = max(`updated_at`, new.`updated_at`) WHERE `id` = new.`notebook_id`;
END;
