// The search page: reads the query from the URL and hands over to the client search view.
import type { Metadata } from "next";
import { SearchPage } from "@/components/search/search-page";

export const metadata: Metadata = { title: "Search" };

type Search = Promise<{ q?: string; notebook?: string; tag?: string }>;

export default async function Page({ searchParams }: { searchParams: Search }) {
  const { q, notebook, tag } = await searchParams;
  return <SearchPage initial={{ q: typeof q === "string" ? q.slice(0, 500) : "", notebookId: notebook, tag }} />;
}
