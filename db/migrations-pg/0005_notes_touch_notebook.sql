-- A note written moves its notebook's updated_at on (the notebook list's "most recently changed first") in the same
-- deferred trigger that moves content_version on (SQLite's migration 0013), so a save no longer runs a statement of
-- its own for it and holds the notebook's row only while committing. The notebook takes the note's updated_at, never
-- going back.
CREATE OR REPLACE FUNCTION quire_content_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_notebook text;
  new_notebook text;
BEGIN
  IF TG_TABLE_NAME = 'forecasts' THEN
    IF TG_OP <> 'INSERT' THEN
      SELECT q.notebook_id INTO old_notebook FROM questions q WHERE q.id = OLD.question_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
      SELECT q.notebook_id INTO new_notebook FROM questions q WHERE q.id = NEW.question_id;
    END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN
      old_notebook := OLD.notebook_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
      new_notebook := NEW.notebook_id;
    END IF;
  END IF;
  IF TG_TABLE_NAME = 'notes' AND TG_OP <> 'DELETE' THEN
    UPDATE notebooks SET content_version = content_version + 1, updated_at = GREATEST(updated_at, NEW.updated_at)
      WHERE id = new_notebook;
    UPDATE notebooks SET content_version = content_version + 1 WHERE id = old_notebook AND old_notebook <> new_notebook;
  ELSE
    UPDATE notebooks SET content_version = content_version + 1 WHERE id IN (old_notebook, new_notebook);
  END IF;
  RETURN NULL;
END;
$$;
