"use client";
// Import a file into a series: drop or pick it, preview what was detected, map the columns, check every row in the browser, then import.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { isDateColumnName, preferredValueColumn } from "@/lib/series/columns";
import type { ImportMapping, ParsedFile, RowError } from "@/lib/series/parse";
import { MAX_IMPORT_CHARS } from "@/lib/validation/series";
import { FileParser, readFileText } from "./file-parser";
import { plural } from "./format";
import { HiddenFileInput } from "./hidden-file-input";
import { CheckSummary, PreviewTable, Progress, RowErrors } from "./import-check";
import type { ParseSummary } from "./parse-protocol";
import type { ImportResult } from "./types";

const FORMAT_LABELS: Record<ParsedFile["format"], string> = {
  fred: "FRED graph CSV",
  yahoo: "Yahoo chart JSON",
  stooq: "Stooq daily CSV",
  generic: "CSV with a date column",
};

type Stage =
  | { kind: "pick"; error?: string }
  | { kind: "reading"; name: string; fraction: number }
  | { kind: "ready"; name: string; size: number; text: string; file: ParsedFile };

type Check = { kind: "idle" } | { kind: "parsing"; fraction: number } | { kind: "done"; summary: ParseSummary } | { kind: "error"; message: string };

function defaultValueColumn(file: ParsedFile): string {
  if (file.format !== "generic") return file.valueColumns[0] ?? "";
  return preferredValueColumn(file.valueColumns) ?? file.valueColumns[0] ?? "";
}

function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A file chosen in the import dialog, handed on to the many-series import. */
export type ChosenFile = { name: string; text: string };

type ImportProps = { onClose: () => void; series: { id: string; key: string; name: string }; onImportAll?: (file: ChosenFile) => void };

export function ImportDialog({ open, ...props }: ImportProps & { open: boolean }) {
  return (
    <Dialog open={open} onClose={props.onClose} title={`Import into ${props.series.key}`} wide>
      <ImportFlow {...props} />
    </Dialog>
  );
}

function ImportFlow({ onClose, series, onImportAll }: ImportProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<Stage>({ kind: "pick" });
  const [check, setCheck] = useState<Check>({ kind: "idle" });
  const [dateColumn, setDateColumn] = useState("");
  const [valueColumn, setValueColumn] = useState("");
  const [filterColumn, setFilterColumn] = useState("");
  const [filterValue, setFilterValue] = useState("");
  const [filterValues, setFilterValues] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const parser = useRef<FileParser | null>(null);
  const parseSeq = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const filterRef = useRef<HTMLSelectElement>(null);

  useEffect(() => () => parser.current?.dispose(), []);

  const importMutation = useMutation(
    trpc.series.import.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.series.pathKey() }),
    }),
  );

  const accept = useCallback(async (picked: File | undefined) => {
    if (!picked) return;
    importMutation.reset();
    setCheck({ kind: "idle" });
    if (picked.size > MAX_IMPORT_CHARS) {
      setStage({ kind: "pick", error: `${picked.name} is ${sizeLabel(picked.size)}; files up to 40 MB can be imported. Split it into smaller files.` });
      return;
    }
    setStage({ kind: "reading", name: picked.name, fraction: 0 });
    let text: string;
    try {
      text = await readFileText(picked, (fraction) => setStage({ kind: "reading", name: picked.name, fraction }));
    } catch (err) {
      setStage({ kind: "pick", error: (err as Error).message });
      return;
    }
    parser.current?.dispose();
    parser.current = new FileParser();
    const detected = await parser.current.detect(text, picked.name);
    if ("error" in detected) {
      setStage({ kind: "pick", error: `${picked.name}: ${detected.error}` });
      return;
    }
    const file = detected.file;
    setDateColumn(file.dateColumn ?? (file.format === "generic" ? file.columns.find(isDateColumnName) : undefined) ?? "");
    setValueColumn(defaultValueColumn(file));
    setFilterColumn("");
    setFilterValue("");
    setStage({ kind: "ready", name: picked.name, size: picked.size, text, file });
  }, [importMutation]);

  const ready = stage.kind === "ready" ? stage : null;
  const mapping = useMemo<ImportMapping | undefined>(() => {
    if (!ready || !dateColumn || !valueColumn) return undefined;
    return { dateColumn, valueColumn, ...(filterColumn && filterValue ? { filter: { column: filterColumn, equals: filterValue } } : {}) };
  }, [ready, dateColumn, valueColumn, filterColumn, filterValue]);
  const mappingComplete = mapping !== undefined && (!filterColumn || filterValue !== "");

  useEffect(() => {
    if (!ready || !parser.current) return;
    if (!mappingComplete) {
      setCheck({ kind: "idle" });
      return;
    }
    const seq = ++parseSeq.current;
    setCheck({ kind: "parsing", fraction: 0 });
    void parser.current
      .parse(mapping, (fraction) => {
        if (seq === parseSeq.current) setCheck({ kind: "parsing", fraction });
      })
      .then((result) => {
        if (seq !== parseSeq.current) return;
        setCheck("error" in result ? { kind: "error", message: result.error } : { kind: "done", summary: result.summary });
      });
  }, [ready, mapping, mappingComplete]);

  useEffect(() => {
    if (!filterColumn || !parser.current) {
      setFilterValues([]);
      return;
    }
    let live = true;
    void parser.current.values(filterColumn).then((values) => live && setFilterValues(values));
    return () => {
      live = false;
    };
  }, [filterColumn]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void accept(e.dataTransfer.files[0]);
  };

  const summary = check.kind === "done" ? check.summary : null;
  const canImport = !!ready && !!summary && summary.errorCount === 0 && summary.observationCount > 0 && !importMutation.isPending && !importMutation.isSuccess;
  const serverDetails = importMutation.error?.data?.details as { rowErrors?: RowError[]; errorCount?: number } | null | undefined;
  const result: ImportResult | undefined = importMutation.data;

  return (
    <>
      <div className="dialog-body import">
        <div>
          <h2>Import into {series.key}</h2>
          <p className="muted">
            {series.name}. FRED and Stooq CSV files, Yahoo chart JSON, or any CSV with a column of dates. Nothing is written until every row reads cleanly;
            values already known are kept as earlier vintages when they change.
          </p>
        </div>

        {stage.kind !== "ready" && (
          <div
            className="dropzone"
            data-dragging={dragging || undefined}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            data-testid="dropzone"
          >
            {stage.kind === "reading" ? (
              <Progress label={`Reading ${stage.name}…`} fraction={stage.fraction} />
            ) : (
              <>
                <p>
                  <strong>Drop a file here</strong> or
                </p>
                <button type="button" className="btn btn-primary" onClick={() => inputRef.current?.click()} autoFocus>
                  Choose a file…
                </button>
                <p className="faint">.csv, .tsv, .txt or Yahoo .json, up to 40 MB</p>
              </>
            )}
          </div>
        )}
        <HiddenFileInput inputRef={inputRef} label="Data file" accept=".csv,.tsv,.txt,.json,text/csv,text/plain,application/json" onFile={(file) => void accept(file)} />
        {stage.kind === "pick" && stage.error && (
          <div className="alert alert-error" role="alert">
            {stage.error}
          </div>
        )}

        {ready && (
          <>
            <div className="import-file" data-testid="import-preview">
              <div className="row" style={{ flexWrap: "wrap" }}>
                <strong className="import-file-name">{ready.name}</strong>
                <span className="badge badge-plain" data-testid="detected-format">
                  {FORMAT_LABELS[ready.file.format]}
                </span>
                <span className="faint">
                  {sizeLabel(ready.size)} · {plural(ready.file.rowCount, "data row")}
                  {ready.file.suggestedKey && ready.file.suggestedKey !== series.key && ` · looks like ${ready.file.suggestedKey}`}
                </span>
                <button type="button" className="btn btn-ghost btn-sm" style={{ marginLeft: "auto" }} onClick={() => inputRef.current?.click()} disabled={importMutation.isPending}>
                  Choose another file
                </button>
              </div>
              <PreviewTable file={ready.file} dateColumn={dateColumn} valueColumn={valueColumn} />
            </div>

            <fieldset className="mapping" disabled={importMutation.isPending || importMutation.isSuccess}>
              <legend className="visually-hidden">Columns to import</legend>
              {ready.file.format === "generic" && (
                <div className="field">
                  <label htmlFor="import-date-column">Date column</label>
                  <select id="import-date-column" className="input" value={dateColumn} onChange={(e) => setDateColumn(e.target.value)}>
                    <option value="">Choose…</option>
                    {ready.file.columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <div className="field">
                <label htmlFor="import-value-column">Value column</label>
                <select id="import-value-column" className="input" value={valueColumn} onChange={(e) => setValueColumn(e.target.value)}>
                  <option value="">Choose…</option>
                  {(ready.file.format === "generic" ? ready.file.columns.filter((c) => c !== dateColumn) : ready.file.valueColumns).map((c) => (
                    <option key={c} value={c}>
                      {c}
                      {ready.file.format === "generic" && !ready.file.valueColumns.includes(c) ? " (not numeric)" : ""}
                    </option>
                  ))}
                </select>
              </div>
              {ready.file.format === "generic" && (
                <>
                  <div className="field">
                    <label htmlFor="import-filter-column">Only rows where (optional)</label>
                    <select
                      ref={filterRef}
                      id="import-filter-column"
                      className="input"
                      value={filterColumn}
                      onChange={(e) => {
                        setFilterColumn(e.target.value);
                        setFilterValue("");
                      }}
                    >
                      <option value="">All rows</option>
                      {ready.file.columns
                        .filter((c) => c !== dateColumn && c !== valueColumn)
                        .map((c) => (
                          <option key={c} value={c}>
                            {c}
                          </option>
                        ))}
                    </select>
                  </div>
                  {filterColumn && (
                    <div className="field">
                      <label htmlFor="import-filter-value">equals</label>
                      <select id="import-filter-value" className="input" value={filterValue} onChange={(e) => setFilterValue(e.target.value)}>
                        <option value="">Choose…</option>
                        {filterValues.map((v) => (
                          <option key={v} value={v}>
                            {v}
                          </option>
                        ))}
                      </select>
                    </div>
                  )}
                </>
              )}
            </fieldset>

            {!mappingComplete && <p className="field-hint">Choose the {!dateColumn ? "date column" : !valueColumn ? "value column" : "value to keep"} to check the file.</p>}
            {check.kind === "parsing" && <Progress label="Checking every row…" fraction={check.fraction} />}
            {check.kind === "error" && (
              <div className="alert alert-error" role="alert">
                {check.message}
              </div>
            )}
            {summary && !result && !importMutation.error && (
              <CheckSummary
                summary={summary}
                onChooseSeries={
                  summary.split
                    ? () => {
                        setFilterColumn(summary.split!.column);
                        setFilterValue("");
                        filterRef.current?.focus();
                      }
                    : undefined
                }
                onImportAll={onImportAll && ready ? () => onImportAll({ name: ready.name, text: ready.text }) : undefined}
              />
            )}
          </>
        )}

        {importMutation.isPending && <Progress label={`Importing ${summary ? plural(summary.observationCount, "observation") : ""}…`} />}
        {importMutation.error && (
          <div className="alert alert-error" role="alert" data-testid="import-server-error">
            <p>{importMutation.error.message}</p>
            {serverDetails?.rowErrors && <RowErrors errors={serverDetails.rowErrors} total={serverDetails.errorCount ?? serverDetails.rowErrors.length} />}
          </div>
        )}
        {result && (
          <div className="alert alert-success" role="status" data-testid="import-result">
            <p>
              <strong>Imported {plural(result.rows, "observation")}</strong> into {series.key}: {result.inserted.toLocaleString("en-US")} new,{" "}
              {result.revised.toLocaleString("en-US")} revised, {result.unchanged.toLocaleString("en-US")} unchanged.
            </p>
            {(result.skippedMissing > 0 || result.duplicates > 0) && (
              <p className="faint">
                {result.skippedMissing > 0 && `${plural(result.skippedMissing, "missing value")} skipped. `}
                {result.duplicates > 0 && `${plural(result.duplicates, "repeated row")} merged.`}
              </p>
            )}
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {result ? "Done" : "Cancel"}
        </button>
        {!result && ready && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={!canImport}
            onClick={() => importMutation.mutate({ seriesId: series.id, text: ready.text, mapping })}
          >
            {importMutation.isPending
              ? "Importing…"
              : summary?.split
                ? `Choose one ${summary.split.column} to import`
                : summary && summary.errorCount > 0
                ? "Fix the file to import"
                : `Import ${summary ? plural(summary.observationCount, "observation") : ""}`.trim()}
          </button>
        )}
      </div>
    </>
  );
}
