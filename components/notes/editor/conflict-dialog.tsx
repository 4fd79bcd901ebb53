"use client";
// The conflict view: my unsaved text beside the server's newer version, with keep mine, keep theirs, or merge by hand.
import { diffLines } from "diff";
import { format, isToday } from "date-fns";
import { useMemo, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { NoteText, ServerNote } from "@/lib/notes/autosave";
import { MARKER_MINE, MARKER_THEIRS, countConflictMarkers, mergeText, mergeTitle } from "@/lib/notes/merge";

export type ConflictReason = "conflict" | "draft";

function when(date: Date): string {
  return format(date, isToday(date) ? "HH:mm" : "d MMM yyyy, HH:mm");
}

function Side({ label, meta, text, other, kind, testId }: { label: string; meta: string; text: NoteText; other: NoteText; kind: "mine" | "theirs"; testId: string }) {
  const parts = useMemo(() => (kind === "mine" ? diffLines(other.body, text.body) : diffLines(text.body, other.body)), [kind, other.body, text.body]);
  const mineOnly = (p: { added?: boolean; removed?: boolean }) => (kind === "mine" ? p.added : p.removed);
  const otherOnly = (p: { added?: boolean; removed?: boolean }) => (kind === "mine" ? p.removed : p.added);
  return (
    <section className="conflict-side" data-testid={testId} aria-label={label}>
      <header>
        <h3>{label}</h3>
        <p className="faint">{meta}</p>
      </header>
      <p className={text.title !== other.title ? "conflict-title conflict-changed" : "conflict-title"}>{text.title || "(no title)"}</p>
      <pre className="conflict-body" tabIndex={0} aria-label={`${label}: text`}>
        {parts
          .filter((p) => !otherOnly(p))
          .map((p, i) => (
            <span key={i} className={mineOnly(p) ? "conflict-changed" : undefined}>
              {p.value}
            </span>
          ))}
      </pre>
    </section>
  );
}

type ConflictChoices = {
  reason: ConflictReason;
  mine: NoteText;
  theirs: ServerNote;
  base: NoteText | null;
  onKeepMine: () => void;
  onKeepTheirs: () => void;
  onMerge: (text: NoteText) => void;
  onClose: () => void;
};

export function ConflictDialog({ open, ...choices }: ConflictChoices & { open: boolean }) {
  return (
    <Dialog open={open} onClose={choices.onClose} title={choices.reason === "draft" ? "Restore a draft" : "This note changed elsewhere"} wide>
      {open && <ConflictBody {...choices} />}
    </Dialog>
  );
}

function ConflictBody({ reason, mine, theirs, base, onKeepMine, onKeepTheirs, onMerge, onClose }: ConflictChoices) {
  const [merging, setMerging] = useState<{ title: string; body: string; conflicts: number } | null>(null);
  const who = theirs.updatedByName ?? "Someone";
  const mineLabel = reason === "draft" ? "Draft kept in this browser" : "Your version";
  const mineMeta = reason === "draft" ? "Never confirmed by the server" : "Not saved yet";
  const startMerge = () => {
    const merged = mergeText({ base: base?.body, mine: mine.body, theirs: theirs.body });
    setMerging({ title: mergeTitle({ base: base?.title, mine: mine.title, theirs: theirs.title }), body: merged.text, conflicts: merged.conflicts });
  };
  const remaining = merging ? countConflictMarkers(merging.body) : 0;

  // The first focusable element is my text, not a button: the dialog can open while the user is typing.
  return (
    <div className="dialog-body conflict" data-testid="conflict-dialog">
      <h2>{reason === "draft" ? "Your draft was based on an older version" : "This note changed while you were editing"}</h2>
      <p className="muted">
        {who} saved version {theirs.version} at {when(theirs.updatedAt)}. {reason === "draft" ? "Your draft" : "Your changes"} and theirs are both kept until you
        choose; nothing is overwritten.
      </p>
      {merging ? (
        <div className="stack-sm">
          {merging.conflicts > 0 ? (
            <div className="alert alert-warning" role="status">
              {merging.conflicts === 1 ? "One place was" : `${merging.conflicts} places were`} changed on both sides. They are marked between{" "}
              <code>{MARKER_MINE}</code> and <code>{MARKER_THEIRS}</code>: edit them, then save.
            </div>
          ) : (
            <div className="alert alert-success" role="status">
              The changes did not overlap, so both are in the merged text. Check it, then save.
            </div>
          )}
          <div className="field">
            <label htmlFor="merge-title">Title</label>
            <input id="merge-title" className="input" value={merging.title} onChange={(e) => setMerging({ ...merging, title: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="merge-body">Merged text</label>
            <textarea
              id="merge-body"
              className="input merge-text"
              data-testid="merge-text"
              rows={16}
              value={merging.body}
              spellCheck={false}
              onChange={(e) => setMerging({ ...merging, body: e.target.value })}
            />
            {remaining > 0 && <span className="field-hint">{remaining === 1 ? "1 marked place left" : `${remaining} marked places left`}.</span>}
          </div>
          <div className="row conflict-actions">
            <button type="button" className="btn" onClick={() => setMerging(null)}>
              Back to both versions
            </button>
            <button type="button" className="btn btn-primary" disabled={merging.title.trim() === ""} onClick={() => onMerge({ title: merging.title, body: merging.body })}>
              Save merged text
            </button>
          </div>
        </div>
      ) : (
        <>
          <div className="conflict-sides">
            <Side label={mineLabel} meta={mineMeta} text={mine} other={theirs} kind="mine" testId="conflict-mine" />
            <Side label="Their version" meta={`Saved by ${who}, ${when(theirs.updatedAt)} · version ${theirs.version}`} text={theirs} other={mine} kind="theirs" testId="conflict-theirs" />
          </div>
          <div className="row conflict-actions">
            <button type="button" className="btn btn-ghost conflict-later" onClick={onClose}>
              Decide later
            </button>
            <button type="button" className="btn" onClick={onKeepTheirs}>
              Keep theirs
            </button>
            <button type="button" className="btn" onClick={startMerge}>
              Merge…
            </button>
            <button type="button" className="btn btn-primary" onClick={onKeepMine}>
              Keep mine
            </button>
          </div>
          <p className="faint">
            Keep mine saves {reason === "draft" ? "the draft" : "your text"} as a new version on top of theirs; theirs stays in the history. Keep theirs
            loads their version{reason === "draft" ? " and drops the draft" : ""} (Ctrl/⌘+Z in the editor brings {reason === "draft" ? "it" : "your text"} back).
          </p>
        </>
      )}
    </div>
  );
}
