-- Full-text index over live notes (FTS5, external content on notes.rowid), kept true by triggers.
-- Soft-deleted notes leave the index and come back when restored. notes has no INTEGER PRIMARY KEY,
-- so a VACUUM may renumber its rowids: after one, repopulate the index from the live notes with
-- INSERT INTO notes_fts(notes_fts) VALUES('delete-all'); then
-- INSERT INTO notes_fts(rowid, title, body) SELECT rowid, title, body FROM notes WHERE deleted_at IS NULL;
-- ('rebuild' would also index the trashed notes).
CREATE VIRTUAL TABLE `notes_fts` USING fts5(title, body, content='notes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `notes_fts_after_insert` AFTER INSERT ON `notes` WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO notes_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_after_delete` AFTER DELETE ON `notes` WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_after_update` AFTER UPDATE OF title, body, deleted_at ON `notes` BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, title, body) SELECT 'delete', old.rowid, old.title, old.body WHERE old.deleted_at IS NULL;
  INSERT INTO notes_fts(rowid, title, body) SELECT new.rowid, new.title, new.body WHERE new.deleted_at IS NULL;
END;
--> statement-breakpoint
INSERT INTO notes_fts(rowid, title, body) SELECT rowid, title, body FROM notes WHERE deleted_at IS NULL;
