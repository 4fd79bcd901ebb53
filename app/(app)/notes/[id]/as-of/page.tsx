// A note as of a past moment (?at=ISO, else a day ago): the revision then, charts, figures and questions as known then, and what moved since.
import type { Metadata } from "next";
import { NoteAsOf } from "@/components/notes/note-as-of";
import { HydrateClient } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Note as of a moment" };

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<{ at?: string | string[] }> };

export default async function NoteAsOfPage({ params, searchParams }: Props) {
  const { id } = await params;
  const raw = (await searchParams)?.at;
  const parsed = typeof raw === "string" ? new Date(raw) : null;
  const at = parsed && !Number.isNaN(parsed.getTime()) ? parsed : new Date(Date.now() - 86_400_000);
  return (
    <HydrateClient>
      <NoteAsOf id={id} at={at} />
    </HydrateClient>
  );
}
