"use client";
// Autosave for one note: the Autosaver wired to notes.update, a localStorage copy of unconfirmed text, retries when back online, a leave warning.
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Autosaver, type AutosaveSnapshot, type NoteText, type SaveOutcome, type ServerNote } from "@/lib/notes/autosave";
import { clearDraft, writeDraft } from "@/lib/notes/local-draft";

type ErrorData = { code?: string; httpStatus?: number; details?: { current?: ServerNote } | null };

/** Sorts a failed save: conflict (with the server's text), worth retrying (offline, server trouble, signed out), or refused. */
export function classifySaveError(error: unknown): SaveOutcome {
  if (!(error instanceof TRPCClientError)) return { kind: "offline", message: error instanceof Error ? error.message : undefined };
  const data = error.data as ErrorData | undefined | null;
  if (!data) return { kind: "offline", message: "The server could not be reached." };
  if (data.code === "CONFLICT" && data.details?.current) {
    const current = data.details.current;
    return { kind: "conflict", current: { ...current, updatedAt: new Date(current.updatedAt) } };
  }
  if (data.code === "UNAUTHORIZED") return { kind: "offline", message: "You are signed out. Sign in again in another tab; your text is kept in this browser." };
  if (data.code === "TOO_MANY_REQUESTS" || (data.httpStatus ?? 0) >= 500) return { kind: "offline", message: error.message };
  return { kind: "rejected", message: error.message };
}

export function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export type Autosave = {
  snapshot: AutosaveSnapshot;
  edit: (text: NoteText) => void;
  flush: () => Promise<AutosaveSnapshot>;
  retryNow: () => void;
  rebase: (server: ServerNote, keep: NoteText) => void;
  holdConflict: (current: ServerNote) => void;
  /** Whether unconfirmed text is copied to localStorage (off while a stored draft waits for the user's decision). */
  setKeepDrafts: (on: boolean) => void;
};

export function useAutosave({ noteId, version, text, savedAt }: { noteId: string; version: number; text: NoteText; savedAt: Date }): Autosave {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.notes.update.mutationOptions());
  const mutateRef = useRef(mutateAsync);
  const saverRef = useRef<Autosaver | null>(null);
  const keepDraftsRef = useRef(true);
  const [snapshot, setSnapshot] = useState<AutosaveSnapshot>(() => ({
    status: { state: "saved", at: savedAt },
    baseVersion: version,
    acked: text,
    latest: text,
    unsaved: false,
    lastSavedAt: savedAt,
  }));
  const initial = useRef({ version, text, savedAt });

  useEffect(() => {
    mutateRef.current = mutateAsync;
  }, [mutateAsync]);

  useEffect(() => {
    const persist = (snap: AutosaveSnapshot) => {
      if (!keepDraftsRef.current) return;
      const storage = browserStorage();
      if (snap.unsaved) writeDraft(storage, { noteId, ...snap.latest, baseVersion: snap.baseVersion, baseBody: snap.acked.body, savedAt: Date.now() });
      else clearDraft(storage, noteId);
    };
    const saver = new Autosaver({
      ...initial.current,
      save: async (request) => {
        try {
          const result = await mutateRef.current({ id: noteId, ...request });
          return { kind: "saved", version: result.version, updatedAt: new Date(result.updatedAt) };
        } catch (error) {
          return classifySaveError(error);
        }
      },
      onChange: (snap) => {
        setSnapshot(snap);
        persist(snap);
      },
    });
    saverRef.current = saver;
    const online = () => saver.retryNow();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      saver.close();
      saverRef.current = null;
    };
  }, [noteId]);

  useEffect(() => {
    if (!snapshot.unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [snapshot.unsaved]);

  const edit = useCallback((next: NoteText) => saverRef.current?.edit(next), []);
  const flush = useCallback(async () => {
    const saver = saverRef.current;
    if (!saver) return snapshot;
    await saver.flush();
    return saver.snapshot();
  }, [snapshot]);
  const retryNow = useCallback(() => saverRef.current?.retryNow(), []);
  const rebase = useCallback((server: ServerNote, keep: NoteText) => saverRef.current?.rebase(server, keep), []);
  const holdConflict = useCallback((current: ServerNote) => saverRef.current?.holdConflict(current), []);
  const setKeepDrafts = useCallback((on: boolean) => {
    keepDraftsRef.current = on;
  }, []);

  return { snapshot, edit, flush, retryNow, rebase, holdConflict, setKeepDrafts };
}
