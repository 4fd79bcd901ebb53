"use client";
// Import many series at once: a long (`date,symbol,close`) or wide (`date,IWM,SPY`) file, previewed series by series, written in one go.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment, useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { MAX_IMPORT_CHARS } from "@/lib/validation/series";
import { FileParser, readFileText } from "./file-parser";
import { plural } from "./format";
import { Progress, RowErrors } from "./import-check";
import type { ChosenFile } from "./import-dialog";
import type { BulkSummary } from "./parse-protocol";
import { HiddenFileInput } from "./hidden-file-input";
import type { NotebookOption } from "./types";
import { useWritableNotebook, WritableNotebookField } from "./writable-notebook";
import { ScrollBox } from "@/components/ui/scroll-box";

type Props = { open: boolean; onClose: () => void; notebooks: Array<Pick<NotebookOption, "id" | "name" | "role">>; notebookId?: string; initial?: ChosenFile };

type Problem = { key: string | null; row: number | null; message: string };

export function BulkImportDialog({ open, ...props }: Props) {
  return (
    <Dialog open={open} onClose={props.onClose} title="Import many series" wide>
      <BulkFlow {...props} />
    </Dialog>
  );
}

function BulkFlow({ onClose, notebooks, notebookId: fixedNotebook, initial }: Omit<Props, "open">) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { writable, notebookId, setNotebookId } = useWritableNotebook(notebooks, fixedNotebook);
  const [file, setFile] = useState<ChosenFile | null>(initial ?? null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [reading, setReading] = useState<number | null>(null);
  const [check, setCheck] = useState<{ summary: BulkSummary } | { error: string } | null>(null);
  const parser = useRef<FileParser | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const existing = useQuery({ ...trpc.series.list.queryOptions({ notebookId }), enabled: notebookId !== "" });
  const keys = new Set((existing.data ?? []).map((s) => s.key));
  const mutation = useMutation(trpc.series.importMany.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.series.pathKey() }) }));

  useEffect(() => () => parser.current?.dispose(), []);
  useEffect(() => {
    if (!file) return;
    let live = true;
    setCheck(null);
    parser.current?.dispose();
    parser.current = new FileParser();
    void parser.current.bulk(file.text).then((r) => live && setCheck(r));
    return () => {
      live = false;
    };
  }, [file]);

  const pick = useCallback(async (picked: File | undefined) => {
    if (!picked) return;
    mutation.reset();
    setPickError(null);
    if (picked.size > MAX_IMPORT_CHARS) return setPickError(`${picked.name} is larger than 40 MB. Split it into smaller files.`);
    setReading(0);
    try {
      const text = await readFileText(picked, setReading);
      setFile({ name: picked.name, text });
    } catch (err) {
      setPickError((err as Error).message);
    } finally {
      setReading(null);
    }
  }, [mutation]);

  const summary = check && "summary" in check ? check.summary : null;
  const result = mutation.data;
  const serverProblems = (mutation.error?.data?.details as { problems?: Problem[]; errorCount?: number } | null | undefined) ?? null;
  const canImport = !!file && !!summary && summary.errorCount === 0 && summary.series.length > 0 && notebookId !== "" && !mutation.isPending && !result;

  return (
    <>
      <div className="dialog-body import">
        <div>
          <h2>Import many series</h2>
          <p className="muted">
            A long file (<span className="mono">date,symbol,close</span>: one series per symbol) or a wide one (<span className="mono">date,IWM,SPY,…</span>: one
            series per column). Series the notebook lacks are created; existing ones get the rows added, and changed values are kept as revisions. One problem
            anywhere and nothing is imported.
          </p>
        </div>
        <WritableNotebookField id="bulk-notebook" writable={writable} value={notebookId} onChange={setNotebookId} disabled={mutation.isPending} hidden={!!result} />
        {!file && (
          <div className="dropzone" data-testid="bulk-dropzone">
            {reading !== null ? (
              <Progress label="Reading the file…" fraction={reading} />
            ) : (
              <>
                <button type="button" className="btn btn-primary" onClick={() => inputRef.current?.click()} autoFocus>
                  Choose a file…
                </button>
                <p className="faint">.csv, .tsv or .txt, up to 40 MB</p>
              </>
            )}
          </div>
        )}
        <HiddenFileInput inputRef={inputRef} label="File of many series" accept=".csv,.tsv,.txt,text/csv,text/plain" onFile={(file) => void pick(file)} />
        {pickError && (
          <div className="alert alert-error" role="alert">
            {pickError}
          </div>
        )}
        {file && (
          <div className="import-file" data-testid="bulk-preview">
            <div className="row" style={{ flexWrap: "wrap" }}>
              <strong className="import-file-name">{file.name}</strong>
              {summary && (
                <span className="badge badge-plain" data-testid="bulk-layout">
                  {summary.mapping.layout === "long" ? `Long: one series per ${summary.mapping.keyColumn}` : "Wide: one series per column"}
                </span>
              )}
              {!result && (
                <button type="button" className="btn btn-ghost btn-sm" style={{ marginLeft: "auto" }} onClick={() => inputRef.current?.click()} disabled={mutation.isPending}>
                  Choose another file
                </button>
              )}
            </div>
            {!check && <Progress label="Checking every row…" />}
            {check && "error" in check && (
              <div className="alert alert-error" role="alert">
                {check.error}
              </div>
            )}
            {summary && <SeriesTable summary={summary} keys={keys} result={result} />}
            {summary && summary.errors.length > 0 && (
              <div className="alert alert-error">
                <p>Rows that belong to no series:</p>
                <RowErrors errors={summary.errors} total={summary.errors.length} />
              </div>
            )}
            {summary && !result && (
              <p className={summary.errorCount > 0 ? "bulk-problem" : "faint"} data-testid="bulk-check">
                {summary.errorCount > 0
                  ? `${plural(summary.errorCount, "problem")}; nothing will be imported until the file is fixed.`
                  : `${plural(summary.series.filter((s) => !keys.has(s.key)).length, "new series", "new series")}, ${plural(summary.series.filter((s) => keys.has(s.key)).length, "series", "series")} to update.`}
              </p>
            )}
          </div>
        )}
        {mutation.isPending && <Progress label="Importing…" />}
        {mutation.error && (
          <div className="alert alert-error" role="alert" data-testid="bulk-server-error">
            <p>{mutation.error.message}</p>
            {serverProblems?.problems && (
              <ul className="row-errors">
                {serverProblems.problems.map((p, i) => (
                  <li key={i}>
                    {p.key && <strong>{p.key}</strong>} {p.row !== null && <span className="row-error-line">Line {p.row}</span>} {p.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {result && (
          <div className="alert alert-success" role="status" data-testid="bulk-result">
            <strong>Imported {plural(result.rows, "observation")}</strong> into {plural(result.series.length, "series", "series")}: {result.created} created,{" "}
            {result.updated} updated.
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {result ? "Done" : "Cancel"}
        </button>
        {!result && file && (
          <button type="button" className="btn btn-primary" disabled={!canImport} onClick={() => mutation.mutate({ notebookId, text: file.text, mapping: summary?.mapping })}>
            {mutation.isPending
              ? "Importing…"
              : summary && summary.errorCount > 0
                ? "Fix the file to import"
                : summary
                  ? `Import ${plural(summary.series.length, "series", "series")}`
                  : "Import"}
          </button>
        )}
      </div>
    </>
  );
}

function SeriesTable({ summary, keys, result }: { summary: BulkSummary; keys: Set<string>; result?: { series: Array<{ key: string; id: string; created: boolean }> } }) {
  const done = new Map((result?.series ?? []).map((s) => [s.key, s]));
  return (
    <ScrollBox className="table-scroll" label="Series in the file">
      <table className="data-table data-table-compact bulk-table" aria-label="Series in the file">
        <thead>
          <tr>
            <th scope="col">Series</th>
            <th scope="col">Status</th>
            <th scope="col">Rows</th>
            <th scope="col" className="bulk-col-date">From</th>
            <th scope="col" className="bulk-col-date">To</th>
          </tr>
        </thead>
        <tbody>
          {summary.series.map((s) => {
            const written = done.get(s.key);
            const isNew = written ? written.created : !keys.has(s.key);
            return (
              <Fragment key={s.label}>
                <tr data-testid="bulk-series" data-key={s.key}>
                  <td>
                    {written ? (
                      <Link href={`/data/${written.id}`} className="mono">
                        {s.key}
                      </Link>
                    ) : (
                      <span className="mono">{s.key || s.label}</span>
                    )}
                  </td>
                  <td>
                    <span className="bulk-status" data-status={s.problemCount > 0 ? "bad" : isNew ? "new" : "update"}>
                      {s.problemCount > 0 ? "Problem" : written ? (isNew ? "Created" : "Updated") : isNew ? "New" : "Update"}
                    </span>
                  </td>
                  <td>{s.rows.toLocaleString("en-US")}</td>
                  <td className="bulk-col-date">{s.firstDate ?? "—"}</td>
                  <td className="bulk-col-date">{s.lastDate ?? "—"}</td>
                </tr>
                {s.problemCount > 0 && (
                  <tr data-testid="bulk-series-problems" data-key={s.key}>
                    <td colSpan={5} className="bulk-problem-cell">
                      {s.problems.map((p, i) => (
                        <div key={i} className="bulk-problem">
                          {p}
                        </div>
                      ))}
                      {s.problemCount > s.problems.length && <div className="bulk-problem">…and {plural(s.problemCount - s.problems.length, "more problem")}</div>}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
