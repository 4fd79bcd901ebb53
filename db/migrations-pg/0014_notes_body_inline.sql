-- A note's body stays in its row uncompressed where it fits (storage MAIN). With the default, PostgreSQL compressed
-- every body of about 1 KB with pglz, since the row with its search vector passed 2 KB, and a search decompressed each
-- candidate's body before its regular-expression check (about 3.5 µs a note; a phrase of common words checks a
-- thousand notes of 100,000). The search vector, larger, is the one moved out of the row. A body too large for the row
-- is still compressed, and moved out of it if it must be. Bodies written before this stay as they are until saved again.
ALTER TABLE "notes" ALTER COLUMN "body" SET STORAGE MAIN;
