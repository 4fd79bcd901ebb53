// A note's rendered body as a reading view: the Markdown with its live charts and question cards, the way a share page shows it.
import type { EmbedRenderers } from "./markdown-view";
import { MarkdownView } from "./markdown-view";

export function NoteArticle({ body, embeds, onEdit }: { body: string; embeds: EmbedRenderers; onEdit?: () => void }) {
  return (
    <article className="card note-read" data-testid="note-read">
      {body.trim() ? (
        <MarkdownView source={body} embeds={embeds} />
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
