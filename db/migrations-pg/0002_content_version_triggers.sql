-- Every change to what a share page can show moves its notebook's content_version on, so the share page cache
-- (keyed by it) renders again: SQLite's migration 0010, as one PL/pgSQL function for notes, series, charts, questions
-- and forecasts (a forecast's notebook is its question's), and one for a notebook's own name and description.
-- Observations are covered by series.data_version, which each import moves on. Where SQLite moves only the new
-- notebook on an update, this also moves the old one when a row changes notebook.
CREATE FUNCTION quire_content_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
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
  UPDATE notebooks SET content_version = content_version + 1 WHERE id IN (old_notebook, new_notebook);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER notes_content_version AFTER INSERT OR UPDATE OR DELETE ON notes
  FOR EACH ROW EXECUTE FUNCTION quire_content_version_bump();
--> statement-breakpoint
CREATE TRIGGER series_content_version AFTER INSERT OR UPDATE OR DELETE ON series
  FOR EACH ROW EXECUTE FUNCTION quire_content_version_bump();
--> statement-breakpoint
CREATE TRIGGER charts_content_version AFTER INSERT OR UPDATE OR DELETE ON charts
  FOR EACH ROW EXECUTE FUNCTION quire_content_version_bump();
--> statement-breakpoint
CREATE TRIGGER questions_content_version AFTER INSERT OR UPDATE OR DELETE ON questions
  FOR EACH ROW EXECUTE FUNCTION quire_content_version_bump();
--> statement-breakpoint
CREATE TRIGGER forecasts_content_version AFTER INSERT OR UPDATE OR DELETE ON forecasts
  FOR EACH ROW EXECUTE FUNCTION quire_content_version_bump();
--> statement-breakpoint
-- SQLite: AFTER UPDATE OF name, description ... SET content_version = content_version + 1 on the same row. A BEFORE
-- trigger does the same without writing the row twice; it fires only when the UPDATE sets name or description, so the
-- updates above (which set content_version alone) never fire it.
CREATE FUNCTION quire_notebook_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.content_version := NEW.content_version + 1;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER notebooks_content_version_on_rename BEFORE UPDATE OF name, description ON notebooks
  FOR EACH ROW EXECUTE FUNCTION quire_notebook_renamed();
