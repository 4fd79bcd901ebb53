-- The content_version bumps run at commit (deferred constraint triggers), not at each row's write: a transaction then
-- holds its notebook's row lock only while it commits, so saves of different notes in one notebook stop queueing behind
-- each other's whole transactions (autosave with 20 writers in one notebook). What a share page's cache sees is the same:
-- the version moves in the same transaction as the change.
DROP TRIGGER notes_content_version ON notes;
--> statement-breakpoint
DROP TRIGGER series_content_version ON series;
--> statement-breakpoint
DROP TRIGGER charts_content_version ON charts;
--> statement-breakpoint
DROP TRIGGER questions_content_version ON questions;
--> statement-breakpoint
DROP TRIGGER forecasts_content_version ON forecasts;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER notes_content_version AFTER INSERT OR UPDATE OR DELETE ON notes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION quire_content_version_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER series_content_version AFTER INSERT OR UPDATE OR DELETE ON series
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION quire_content_version_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER charts_content_version AFTER INSERT OR UPDATE OR DELETE ON charts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION quire_content_version_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER questions_content_version AFTER INSERT OR UPDATE OR DELETE ON questions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION quire_content_version_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER forecasts_content_version AFTER INSERT OR UPDATE OR DELETE ON forecasts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION quire_content_version_bump();
