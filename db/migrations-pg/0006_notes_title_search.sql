-- The title's own vector, with its own index, for ranking search results: a note whose title holds a word of the query
-- comes first. Ranking with ts_rank over notes.search read every matching note's whole vector (half a second for a
-- common word over 100,000 notes); this is a small vector, looked up once per search. Not on SQLite (FTS5's bm25).
ALTER TABLE "notes" ADD COLUMN "title_search" tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce("title", ''))) STORED;
--> statement-breakpoint
CREATE INDEX "notes_title_search_idx" ON "notes" USING gin ("title_search");
--> statement-breakpoint
-- notes.search without the tags (weight 'C'): no search matches typed words against tags (the tag filter reads
-- note_tags), and unweighted lookups, which spare the index a recheck of every candidate, would otherwise find the
-- notes that hold a word only as a tag, each to be read and dropped.
DROP INDEX "notes_search_idx";
--> statement-breakpoint
ALTER TABLE "notes" DROP COLUMN "search";
--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', coalesce("body", '')), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX "notes_search_idx" ON "notes" USING gin ("search");
