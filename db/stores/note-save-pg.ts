// PostgreSQL's plain autosave in one statement (one round trip and its own commit, instead of BEGIN, the note's
// UPDATE, the revision's, and COMMIT): data-modifying CTEs, all or nothing like the transaction they replace.
import type pg from "pg";
import type { NoteSaveStore, PlainSave } from "./note-save";

// The note lands only at its base version, out of the trash, and without open anchored threads (which a save
// re-anchors: server/services/comments.ts, hasAnchoredThreads, the same conditions). The revision is folded into the
// note's latest one when that is an edit by the author opened within the window (note-revisions.ts, recordEditRevision);
// otherwise a new edit revision starts. Neither happens unless the note landed.
const SAVE_PLAIN = `
WITH saved AS (
  UPDATE notes SET title = $2, body = $3, version = $4, updated_by = $5, updated_at = $6
  WHERE id = $1 AND version = $7 AND deleted_at IS NULL
    AND NOT EXISTS (
      SELECT 1 FROM comments c
      WHERE c.target_type = 'note' AND c.target_id = $1 AND c.thread_id IS NULL AND c.resolved_at IS NULL AND c.anchor IS NOT NULL
    )
  RETURNING id
), folded AS (
  UPDATE note_revisions SET note_version = $4, title = $2, body = $3, updated_at = $6
  WHERE id = (SELECT r.id FROM note_revisions r WHERE r.note_id = $1 ORDER BY r.id DESC LIMIT 1)
    AND kind = 'edit' AND author_id = $5 AND created_at > $8 AND EXISTS (SELECT 1 FROM saved)
  RETURNING id
), started AS (
  INSERT INTO note_revisions (note_id, note_version, title, body, kind, author_id, created_at, updated_at)
  SELECT $1, $4, $2, $3, 'edit', $5, $6, $6
  WHERE EXISTS (SELECT 1 FROM saved) AND NOT EXISTS (SELECT 1 FROM folded)
  RETURNING id
)
SELECT (SELECT count(*) FROM saved)::int AS saved`;

/** The note save store over the pool: a named statement, parsed once per connection. */
export function postgresNoteSave(pool: pg.Pool): NoteSaveStore {
  return {
    async savePlain(save: PlainSave) {
      const { rows } = await pool.query<{ saved: number }>({
        name: "notes_save_plain",
        text: SAVE_PLAIN,
        values: [save.id, save.title, save.body, save.version, save.authorId, save.at.toISOString(), save.baseVersion, save.openSince.toISOString()],
      });
      return rows[0]!.saved === 1;
    },
  };
}
