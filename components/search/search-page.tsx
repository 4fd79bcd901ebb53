"use client";
// The search page: a query box with notebook and tag filters; notes ranked with highlighted snippets, then the matching questions, charts and series.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useDebounced } from "@/components/ui/use-debounced";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchIcon } from "@/components/ui/icons";
import { TimeAgo } from "@/components/ui/time-ago";
import { Highlighted } from "./highlighted";
import { OTHER_KINDS } from "./result-kinds";

export function SearchPage({ initial }: { initial: { q: string; notebookId?: string; tag?: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [q, setQ] = useState(initial.q);
  const [notebookId, setNotebookId] = useState(initial.notebookId ?? "");
  const [tag, setTag] = useState(initial.tag ?? "");
  const query = useDebounced({ q, notebookId, tag }, 200);
  const notebooks = useQuery(trpc.notebooks.list.queryOptions());
  const filters = { q: query.q, notebookId: query.notebookId || undefined, tag: query.tag.trim().toLowerCase() || undefined };
  const results = useQuery({ ...trpc.search.query.queryOptions(filters), enabled: query.q.trim().length > 0, placeholderData: keepPreviousData });

  useEffect(() => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.notebookId) params.set("notebook", query.notebookId);
    if (query.tag) params.set("tag", query.tag);
    router.replace(`${pathname}${params.size ? `?${params}` : ""}`, { scroll: false });
  }, [query.q, query.notebookId, query.tag, pathname, router]);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Search</h1>
          <p className="muted">
            Words match as prefixes (<code>rot</code> finds rotation); use &quot;quotes&quot; for a phrase, OR and NOT between words. Questions, charts and series match by title, key or name. Press Ctrl/⌘ K anywhere to jump to any of them.
          </p>
        </div>
      </div>
      <div className="search-bar">
        <label htmlFor="search-q" className="visually-hidden">
          Search notes, questions, charts and series
        </label>
        <input id="search-q" className="input search-input" type="search" autoFocus placeholder="Search everything…" value={q} onChange={(e) => setQ(e.target.value)} />
        <label htmlFor="search-notebook" className="visually-hidden">
          Notebook
        </label>
        <select id="search-notebook" className="input" value={notebookId} onChange={(e) => setNotebookId(e.target.value)}>
          <option value="">All notebooks</option>
          {(notebooks.data ?? []).map((nb) => (
            <option key={nb.id} value={nb.id}>
              {nb.name}
            </option>
          ))}
        </select>
        <label htmlFor="search-tag" className="visually-hidden">
          Tag
        </label>
        <input id="search-tag" className="input" placeholder="Tag" value={tag} onChange={(e) => setTag(e.target.value)} />
      </div>
      {results.error ? (
        <div className="alert alert-error">{results.error.data?.fieldErrors ? Object.values(results.error.data.fieldErrors).flat()[0] : results.error.message}</div>
      ) : !query.q.trim() ? (
        <div className="card">
          <EmptyState icon={<SearchIcon />} title="Search everything you can read">
            <p>Type a word from a note, or from a question's, chart's or series' title: notes are ranked by relevance with the matching passage shown, the rest grouped by kind.</p>
          </EmptyState>
        </div>
      ) : results.data && results.data.hits.length + results.data.questions.length + results.data.charts.length + results.data.series.length === 0 ? (
        <div className="card">
          <EmptyState icon={<SearchIcon />} title="Nothing matches">
            <p>Try fewer words, a shorter prefix, or remove the notebook and tag filters.</p>
          </EmptyState>
        </div>
      ) : (
        <div className="stack search-groups" data-testid="search-results" aria-busy={results.isFetching}>
          {(results.data?.hits.length ?? 0) > 0 && (
            <section aria-labelledby="search-notes" data-kind="notes">
              <h2 id="search-notes" className="search-group-title">
                Notes
              </h2>
              <div className="card list">
                {results.data!.hits.map((hit) => (
                  <Link key={hit.id} href={`/notes/${hit.id}`} className="note-row">
                    <div className="row-between">
                      <h3>
                        <Highlighted marked={hit.titleMarked} />
                      </h3>
                      <span className="faint">
                        {hit.notebookName} · <TimeAgo date={hit.updatedAt} />
                      </span>
                    </div>
                    <p>
                      <Highlighted marked={hit.snippetMarked} />
                    </p>
                  </Link>
                ))}
              </div>
            </section>
          )}
          {OTHER_KINDS.map(({ key, label, href }) =>
            (results.data?.[key].length ?? 0) > 0 ? (
              <section key={key} aria-labelledby={`search-${key}`} data-kind={key}>
                <h2 id={`search-${key}`} className="search-group-title">
                  {label}
                </h2>
                <div className="card list">
                  {results.data![key].map((hit) => (
                    <Link key={hit.id} href={href(hit.id)} className="note-row">
                      <div className="row-between">
                        <h3>
                          <Highlighted marked={hit.titleMarked} />
                        </h3>
                        <span className="faint">{hit.notebookName}</span>
                      </div>
                      {hit.detail && <p>{hit.detail}</p>}
                    </Link>
                  ))}
                </div>
              </section>
            ) : null,
          )}
        </div>
      )}
    </div>
  );
}
