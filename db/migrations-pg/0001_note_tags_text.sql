-- notes.tags_text holds the note's tags, space-separated, for the search vector (notes.search, weight 'C'): what
-- SQLite's migration 0005 keeps with row triggers on note_tags. Here one statement-level trigger per event, over the
-- statement's transition tables, recomputes each touched note once per statement (replacing a note's tags is
-- two updates of the note, not one per tag). Tags in tag order.
-- Not carried over from 0005: its backfill UPDATE of existing notes (this migration runs on an empty database; a
-- copy from SQLite brings tags_text with the notes) and the FTS5 table notes_fts with its triggers (replaced by
-- the generated column notes.search and its GIN index notes_search_idx in 0000_init).
CREATE FUNCTION quire_note_tags_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE notes n SET tags_text = coalesce((SELECT string_agg(t.tag, ' ' ORDER BY t.tag) FROM note_tags t WHERE t.note_id = n.id), '')
    WHERE n.id IN (SELECT note_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE notes n SET tags_text = coalesce((SELECT string_agg(t.tag, ' ' ORDER BY t.tag) FROM note_tags t WHERE t.note_id = n.id), '')
    WHERE n.id IN (SELECT note_id FROM old_rows);
  ELSE
    UPDATE notes n SET tags_text = coalesce((SELECT string_agg(t.tag, ' ' ORDER BY t.tag) FROM note_tags t WHERE t.note_id = n.id), '')
    WHERE n.id IN (SELECT note_id FROM old_rows UNION SELECT note_id FROM new_rows);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER note_tags_text_after_insert AFTER INSERT ON note_tags
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quire_note_tags_text();
--> statement-breakpoint
CREATE TRIGGER note_tags_text_after_delete AFTER DELETE ON note_tags
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION quire_note_tags_text();
--> statement-breakpoint
CREATE TRIGGER note_tags_text_after_update AFTER UPDATE ON note_tags
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quire_note_tags_text();
