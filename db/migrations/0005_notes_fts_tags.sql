-- The search index gains the note's tags (notes.tags_text, space-separated, kept by triggers on note_tags),
-- so a tag filter is part of the MATCH ({tags_text} : "tag") instead of a join over every match.
-- Rebuilt from the live notes. As for 0002: after a VACUUM (which may renumber notes' rowids), repopulate with
-- INSERT INTO notes_fts(notes_fts) VALUES('delete-all'); then
-- INSERT INTO notes_fts(rowid, title, body, tags_text) SELECT rowid, title, body, tags_text FROM notes WHERE deleted_at IS NULL;
-- ('rebuild' would also index the trashed notes).
UPDATE `notes` SET `tags_text` = coalesce((SELECT group_concat(`tag`, ' ') FROM `note_tags` WHERE `note_id` = `notes`.`id`), '');
--> statement-breakpoint
CREATE TRIGGER `note_tags_text_after_insert` AFTER INSERT ON `note_tags` BEGIN
  UPDATE `notes` SET `tags_text` = coalesce((SELECT group_concat(`tag`, ' ') FROM `note_tags` WHERE `note_id` = new.`note_id`), '') WHERE `id` = new.`note_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `note_tags_text_after_delete` AFTER DELETE ON `note_tags` BEGIN
  UPDATE `notes` SET `tags_text` = coalesce((SELECT group_concat(`tag`, ' ') FROM `note_tags` WHERE `note_id` = old.`note_id`), '') WHERE `id` = old.`note_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `note_tags_text_after_update` AFTER UPDATE ON `note_tags` BEGIN
  UPDATE `notes` SET `tags_text` = coalesce((SELECT group_concat(`tag`, ' ') FROM `note_tags` WHERE `note_id` = old.`note_id`), '') WHERE `id` = old.`note_id`;
  UPDATE `notes` SET `tags_text` = coalesce((SELECT group_concat(`tag`, ' ') FROM `note_tags` WHERE `note_id` = new.`note_id`), '') WHERE `id` = new.`note_id`;
END;
--> statement-breakpoint
DROP TRIGGER `notes_fts_after_insert`;
--> statement-breakpoint
DROP TRIGGER `notes_fts_after_delete`;
--> statement-breakpoint
DROP TRIGGER `notes_fts_after_update`;
--> statement-breakpoint
DROP TABLE `notes_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `notes_fts` USING fts5(title, body, tags_text, content='notes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `notes_fts_after_insert` AFTER INSERT ON `notes` WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO notes_fts(rowid, title, body, tags_text) VALUES (new.rowid, new.title, new.body, new.tags_text);
END;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_after_delete` AFTER DELETE ON `notes` WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, title, body, tags_text) VALUES ('delete', old.rowid, old.title, old.body, old.tags_text);
END;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_after_update` AFTER UPDATE OF title, body, deleted_at, tags_text ON `notes` BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, title, body, tags_text) SELECT 'delete', old.rowid, old.title, old.body, old.tags_text WHERE old.deleted_at IS NULL;
  INSERT INTO notes_fts(rowid, title, body, tags_text) SELECT new.rowid, new.title, new.body, new.tags_text WHERE new.deleted_at IS NULL;
END;
--> statement-breakpoint
INSERT INTO notes_fts(rowid, title, body, tags_text) SELECT rowid, title, body, tags_text FROM notes WHERE deleted_at IS NULL;
