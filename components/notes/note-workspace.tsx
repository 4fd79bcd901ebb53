"use client";
// A note's page: for editors, a reading view with Edit one key away (`e`) and the editor with autosave, conflicts and local drafts; viewers and trashed notes get the reader.
import Link from "next/link";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { ChartCompareContext } from "@/components/charts/chart-as-of";
import { useLiveSeries } from "@/components/charts/use-live-series";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/trpc/root";
import { ShareButton } from "@/components/share/share-dialog";
import { Dialog } from "@/components/ui/dialog";
import type { NoteText, ServerNote } from "@/lib/notes/autosave";
import { clearDraft, draftDiffers, readDraft, type LocalDraft } from "@/lib/notes/local-draft";
import { ConflictDialog, type ConflictReason } from "./editor/conflict-dialog";
import { MarkdownEditor, type MarkdownEditorHandle } from "./editor/markdown-editor";
import { browserStorage, useAutosave } from "./editor/use-autosave";
import { DraftOffer, SaveIndicator } from "./editor/save-status";
import { NoteHistory } from "./history/note-history";
import { Breadcrumb, CompareToggle, ExportMenu } from "./note-header";
import { FigureChanges } from "@/components/figures/figure-changes";
import { CommentsButton, NoteCommentsFrame } from "@/components/comments/note-comments";
import { useNoteComments } from "@/components/comments/use-note-comments";
import { NoteArticle } from "./note-article";
import { useNoteEmbeds } from "./note-embeds";
import { NoteReader } from "./note-reader";
import { NoteTagsEditor } from "./note-tags-editor";
import { useEditKey } from "./use-edit-key";

/** A note as notes.get returns it. */
type Note = inferRouterOutputs<AppRouter>["notes"]["get"];

function serverNote(note: Pick<Note, "version" | "title" | "body" | "updatedAt" | "updatedByName">): ServerNote {
  return { version: note.version, title: note.title, body: note.body, updatedAt: note.updatedAt, updatedByName: note.updatedByName };
}

/** Keeps `?edit` in the address while the editor is open, so that a reload comes back to it. */
function markEditingInUrl(editing: boolean) {
  const url = new URL(window.location.href);
  if (url.searchParams.has("edit") === editing) return;
  if (editing) url.searchParams.set("edit", "");
  else url.searchParams.delete("edit");
  window.history.replaceState(window.history.state, "", `${url.pathname}${url.search.replace(/^\?edit=$/, "?edit").replace(/([?&])edit=(&|$)/, "$1edit$2")}${url.hash}`);
}

export function NoteWorkspace({ id, startEditing = false }: { id: string; startEditing?: boolean }) {
  const trpc = useTRPC();
  const { data: note } = useSuspenseQuery(trpc.notes.get.queryOptions({ id }));
  const [compare, setCompare] = useState(false);
  useLiveSeries(note.notebookId);
  const hasCharts = note.links.some((l) => l.kind === "chart");
  const toggle = hasCharts ? <CompareToggle on={compare} onChange={setCompare} /> : null;
  return (
    <ChartCompareContext.Provider value={compare ? note.updatedAt : null}>
      {!note.canEdit || note.deletedAt ? <NoteReader note={note} compareToggle={toggle} /> : <NoteEditorWorkspace key={note.id} note={note} compareToggle={toggle} startEditing={startEditing} />}
    </ChartCompareContext.Provider>
  );
}

function NoteEditorWorkspace({ note, compareToggle, startEditing }: { note: Note; compareToggle: ReactNode; startEditing: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const editorRef = useRef<MarkdownEditorHandle>(null);
  const [title, setTitle] = useState(note.title);
  const textRef = useRef<NoteText>({ title: note.title, body: note.body });
  const autosave = useAutosave({ noteId: note.id, version: note.version, text: { title: note.title, body: note.body }, savedAt: note.updatedAt });
  const { snapshot } = autosave;
  const [offer, setOffer] = useState<LocalDraft | null>(null);
  const [conflict, setConflict] = useState<{ open: boolean; reason: ConflictReason; base: NoteText | null }>({ open: false, reason: "conflict", base: null });
  const [notice, setNotice] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [confirmTrash, setConfirmTrash] = useState(false);
  const titleRef = useRef<HTMLTextAreaElement>(null);
  const isNew = note.version === 1 && note.body === "";
  const [reading, setReading] = useState(!startEditing && !isNew);
  const [shownBody, setShownBody] = useState(note.body);
  const embeds = useNoteEmbeds(note.id, note.notebookId);
  const comments = useNoteComments({ noteId: note.id, notebookId: note.notebookId });
  useEffect(() => markEditingInUrl(!reading), [reading]);
  const startEdit = useCallback(() => {
    setReading(false);
    requestAnimationFrame(() => editorRef.current?.focus());
  }, []);
  const stopEdit = () => {
    setShownBody(textRef.current.body);
    setReading(true);
    void autosave.flush();
  };
  useEditKey(reading, startEdit);

  const checkpoint = useMutation(trpc.notes.revisions.checkpoint.mutationOptions());
  const remove = useMutation(trpc.notes.remove.mutationOptions());

  useEffect(() => {
    const draft = readDraft(browserStorage(), note.id);
    if (draft && draftDiffers(draft, { title: note.title, body: note.body })) {
      autosave.setKeepDrafts(false);
      setOffer(draft);
      setReading(false);
    } else if (draft) {
      clearDraft(browserStorage(), note.id);
    }
    if (isNew && !draft) titleRef.current?.select();
    // Runs once, for the text the page was loaded with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const conflictState = snapshot.status.state;
  useEffect(() => {
    if (conflictState === "conflict") {
      setConflict((c) => (c.open ? c : { open: true, reason: c.reason, base: c.reason === "draft" ? c.base : null }));
    }
  }, [conflictState]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  const edit = (next: Partial<NoteText>) => {
    textRef.current = { ...textRef.current, ...next };
    autosave.edit(textRef.current);
  };

  /** Loads a server version into the editor as the new base (nothing left to save). */
  const load = (server: ServerNote) => {
    autosave.rebase(server, { title: server.title, body: server.body });
    textRef.current = { title: server.title, body: server.body };
    setTitle(server.title);
    setShownBody(server.body);
    editorRef.current?.setText(server.body);
  };

  const current = snapshot.status.state === "conflict" ? snapshot.status.current : null;

  const resolve = {
    keepMine: () => {
      if (!current) return;
      autosave.rebase(current, textRef.current);
      setConflict({ open: false, reason: "conflict", base: null });
    },
    keepTheirs: () => {
      if (!current) return;
      load(current);
      setConflict({ open: false, reason: "conflict", base: null });
    },
    merge: (merged: NoteText) => {
      if (!current) return;
      autosave.rebase(current, merged);
      textRef.current = merged;
      setTitle(merged.title);
      setShownBody(merged.body);
      editorRef.current?.setText(merged.body);
      setConflict({ open: false, reason: "conflict", base: null });
    },
  };

  const restoreDraft = () => {
    if (!offer) return;
    const draft = offer;
    setOffer(null);
    autosave.setKeepDrafts(true);
    const server = serverNote({ ...note, ...snapshot.acked, version: snapshot.baseVersion, updatedAt: snapshot.lastSavedAt });
    if (draft.baseVersion !== snapshot.baseVersion) {
      autosave.holdConflict(server);
      setConflict({ open: true, reason: "draft", base: { title: server.title, body: draft.baseBody } });
    }
    textRef.current = { title: draft.title.trim() ? draft.title : textRef.current.title, body: draft.body };
    setTitle(textRef.current.title);
    editorRef.current?.setText(draft.body);
    autosave.edit(textRef.current);
  };

  const discardDraft = () => {
    clearDraft(browserStorage(), note.id);
    setOffer(null);
    autosave.setKeepDrafts(true);
  };

  const reloadFromServer = async () => {
    const fresh = await queryClient.fetchQuery({ ...trpc.notes.get.queryOptions({ id: note.id }), staleTime: 0 });
    const server = serverNote(fresh);
    if (autosave.snapshot.unsaved) {
      autosave.holdConflict(server);
      setConflict({ open: true, reason: "conflict", base: null });
    } else {
      load(server);
    }
  };

  const saveNow = async () => {
    const after = await autosave.flush();
    if (after.status.state === "conflict") setConflict((c) => ({ ...c, open: true }));
    return after;
  };

  const keepCheckpoint = async () => {
    const after = await saveNow();
    if (after.unsaved) {
      setNotice({ kind: "error", text: "The latest text is not saved yet, so no checkpoint was kept." });
      return;
    }
    checkpoint.mutate(
      { id: note.id },
      {
        onSuccess: () => {
          setNotice({ kind: "ok", text: `Checkpoint kept (version ${after.baseVersion}).` });
          void queryClient.invalidateQueries({ queryKey: trpc.notes.revisions.list.queryKey({ id: note.id }) });
        },
        onError: (error) => setNotice({ kind: "error", text: error.message }),
      },
    );
  };

  const moveToTrash = async () => {
    await saveNow();
    remove.mutate(
      { id: note.id },
      {
        onSuccess: async () => {
          clearDraft(browserStorage(), note.id);
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: trpc.notes.list.queryKey() }),
            queryClient.invalidateQueries({ queryKey: trpc.notebooks.get.queryKey({ id: note.notebookId }) }),
          ]);
          router.push(`/notebooks/${note.notebookId}`);
        },
      },
    );
  };

  return (
    <div className={reading ? "page note-page" : "page page-wide note-page"} data-note-mode={reading ? "read" : "edit"}>
      <div className="stack-sm">
        <Breadcrumb note={note} title={title} />
        <div className="note-head">
          {reading ? (
            <h1 className="note-title-static" data-testid="note-title">
              {title || "Untitled"}
            </h1>
          ) : (
          <>
          <label htmlFor="note-title" className="visually-hidden">
            Title
          </label>
          <textarea
            id="note-title"
            ref={titleRef}
            className="note-title-input"
            data-testid="note-title"
            rows={1}
            value={title}
            maxLength={200}
            placeholder="Title"
            readOnly={offer !== null}
            aria-invalid={title.trim() === "" ? true : undefined}
            onChange={(e) => {
              const value = e.target.value.replace(/[\r\n]+/g, " ");
              setTitle(value);
              edit({ title: value });
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" || (e.key === "ArrowDown" && !e.shiftKey)) {
                e.preventDefault();
                editorRef.current?.focus();
              }
              if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "s") {
                e.preventDefault();
                void saveNow();
              }
            }}
          />
          </>
          )}
          <SaveIndicator snapshot={snapshot} onRetry={autosave.retryNow} onResolve={() => setConflict((c) => ({ ...c, open: true }))} />
        </div>
        <div className="note-meta">
          <NoteTagsEditor noteId={note.id} notebookId={note.notebookId} tags={note.tags} canEdit />
          <div className="note-actions">
            {reading ? (
              <button type="button" className="btn btn-sm btn-primary" data-testid="note-edit" onClick={startEdit} title="Edit this note (E)" aria-keyshortcuts="e">
                Edit <kbd className="kbd">E</kbd>
              </button>
            ) : (
              <button type="button" className="btn btn-sm" data-testid="note-done" onClick={stopEdit} title="Back to the reading view">
                Done
              </button>
            )}
            <CommentsButton comments={comments} />
            {compareToggle}
            <NoteHistory noteId={note.id} canEdit onRestored={() => void reloadFromServer()} />
            <Link href={`/notes/${note.id}/as-of`} className="btn btn-sm" title="See the note, its charts, figures and questions as they stood at a past moment">
              As of…
            </Link>
            <button type="button" className="btn btn-sm" disabled={checkpoint.isPending} onClick={() => void keepCheckpoint()} title="Keep the current text as a named point in the history">
              {checkpoint.isPending ? "Keeping…" : "Checkpoint"}
            </button>
            <ExportMenu noteId={note.id} beforeExport={() => void autosave.flush()} />
            <ShareButton target={{ targetType: "note", targetId: note.id }} beforeCreate={() => autosave.flush()} />
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConfirmTrash(true)}>
              Move to trash
            </button>
          </div>
        </div>
        {notice && (
          <div className={notice.kind === "ok" ? "alert alert-success" : "alert alert-error"} role="status" data-testid="note-notice">
            {notice.text}
          </div>
        )}
      </div>
      <FigureChanges
        noteId={note.id}
        beforePin={async () => {
          const after = await saveNow();
          return after.unsaved ? null : after.baseVersion;
        }}
        afterPin={() => void reloadFromServer()}
      />
      {offer && <DraftOffer draft={offer} server={note} onRestore={restoreDraft} onDiscard={discardDraft} />}
      <NoteCommentsFrame comments={comments} mode={reading ? "read" : "edit"} sourceLength={shownBody.length} beforeCreate={saveNow}>
        {reading ? (
          <NoteArticle title={title} body={shownBody} embeds={embeds} onEdit={startEdit} />
        ) : (
          <MarkdownEditor
            ref={editorRef}
            notebookId={note.notebookId}
            noteId={note.id}
            initialText={textRef.current.body}
            readOnly={offer !== null}
            extensions={[comments.editorExtension]}
            onChange={(body) => edit({ body })}
            onSaveNow={() => void saveNow()}
          />
        )}
      </NoteCommentsFrame>
      {current && (
        <ConflictDialog
          open={conflict.open}
          reason={conflict.reason}
          mine={snapshot.latest}
          theirs={current}
          base={conflict.base ?? snapshot.acked}
          onKeepMine={resolve.keepMine}
          onKeepTheirs={resolve.keepTheirs}
          onMerge={resolve.merge}
          onClose={() => setConflict((c) => ({ ...c, open: false }))}
        />
      )}
      <Dialog open={confirmTrash} onClose={() => setConfirmTrash(false)} title="Move to trash">
        <div className="dialog-body">
          <h2>Move “{title || "Untitled"}” to the trash?</h2>
          <p className="muted">It leaves the notebook&apos;s notes. It can be restored from the notebook&apos;s trash until the trash is emptied.</p>
          {remove.error && <div className="alert alert-error">{remove.error.message}</div>}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setConfirmTrash(false)}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" disabled={remove.isPending} onClick={() => void moveToTrash()}>
            {remove.isPending ? "Moving…" : "Move to trash"}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
