-- Observations lose their foreign key to series: its check ran once for every row written, most of a large import's
-- time. The store locks the series row before writing (db/stores/observations-pg.ts), so a series cannot go while
-- its rows are written, and this trigger deletes a series' observations with it, as ON DELETE CASCADE did (also
-- when the series goes with its notebook).
ALTER TABLE "observations" DROP CONSTRAINT "observations_series_id_series_id_fk";--> statement-breakpoint
CREATE FUNCTION observations_go_with_series() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM observations o USING gone_series g WHERE o.series_id = g.id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER series_delete_observations AFTER DELETE ON series REFERENCING OLD TABLE AS gone_series
  FOR EACH STATEMENT EXECUTE FUNCTION observations_go_with_series();
