// A note's rendered body as a reading view: the Markdown with its live charts and question cards, the way a share page shows it.
import { withoutRepeatedTitle } from "@/lib/notes/repeated-title";
import type { EmbedRenderers } from "./markdown-view";
import { MarkdownView } from "./markdown-view";

/** The note's body under its title: an opening heading that only repeats the title is not shown twice. */
export function NoteArticle({ title, body, embeds, onEdit }: { title: string; body: string; embeds: EmbedRenderers; onEdit?: () => void }) {
  return (
    <article className="card note-read" data-testid="note-read">
      {body.trim() ? (
        <MarkdownView source={withoutRepeatedTitle(body, title)} embeds={embeds} />
      ) : (
        <p className="faint">
          This note is empty.
          {onEdit && (
            <>
              {" "}
              <button type="button" className="btn btn-sm" onClick={onEdit}>
                Start writing
              </button>
            </>
          )}
        </p>
      )}
    </article>
  );
}
