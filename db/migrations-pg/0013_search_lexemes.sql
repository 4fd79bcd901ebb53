-- The search index's vocabulary: every lexeme of notes.search, kept by statement triggers on notes (a lexeme stays
-- when its last note goes; a search then looks it up for nothing). A search names the lexemes its prefixes begin
-- (db/stores/search-pg.ts), which the GIN index intersects as it reads them, where a prefix made it collect every note
-- of every lexeme it begins first ("small caps" over 100,000 notes: 10.5 ms against 1.8). Only new lexemes are
-- written, in order, so two saves of a note each adding the same new words wait for each other at most.
-- db:copy fills it with quire_fill_search_lexemes() (its triggers are off while it copies).
CREATE TABLE "search_lexemes" ("lexeme" text COLLATE "C" PRIMARY KEY);--> statement-breakpoint
CREATE FUNCTION quire_fill_search_lexemes() RETURNS void LANGUAGE sql AS $$
  INSERT INTO search_lexemes (lexeme)
  SELECT DISTINCT l FROM notes, unnest(tsvector_to_array(notes.search)) AS l ORDER BY 1
  ON CONFLICT DO NOTHING;
$$;--> statement-breakpoint
SELECT quire_fill_search_lexemes();--> statement-breakpoint
CREATE FUNCTION quire_note_search_lexemes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_lexemes (lexeme)
  SELECT DISTINCT l FROM written_notes w, unnest(tsvector_to_array(w.search)) AS l
  WHERE NOT EXISTS (SELECT 1 FROM search_lexemes s WHERE s.lexeme = l)
  ORDER BY 1
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER notes_search_lexemes_insert AFTER INSERT ON notes REFERENCING NEW TABLE AS written_notes
  FOR EACH STATEMENT EXECUTE FUNCTION quire_note_search_lexemes();--> statement-breakpoint
CREATE TRIGGER notes_search_lexemes_update AFTER UPDATE ON notes REFERENCING NEW TABLE AS written_notes
  FOR EACH STATEMENT EXECUTE FUNCTION quire_note_search_lexemes();
