// The import dialog's parts that show a file and its check: progress, the first rows with the mapped columns, the summary and row errors.
import type { ParsedFile, RowError } from "@/lib/series/parse";
import { formatValue, plural } from "./format";
import type { ParseSummary } from "./parse-protocol";
import { ScrollBox } from "@/components/ui/scroll-box";

const PREVIEW_ROWS = 8;

export function Progress({ label, fraction }: { label: string; fraction?: number }) {
  const pct = fraction === undefined ? undefined : Math.round(fraction * 100);
  return (
    <div className="progress-wrap">
      <div className="row-between faint">
        <span>{label}</span>
        {pct !== undefined && <span>{pct}%</span>}
      </div>
      <progress className="progress" max={100} value={pct} aria-label={label} />
    </div>
  );
}

export function PreviewTable({ file, dateColumn, valueColumn }: { file: ParsedFile; dateColumn: string; valueColumn: string }) {
  const rows = file.preview.slice(0, PREVIEW_ROWS);
  return (
    <ScrollBox className="table-scroll" label="First rows of the file">
      <table className="data-table data-table-compact" aria-label="First rows of the file">
        <thead>
          <tr>
            {file.columns.map((c) => (
              <th key={c} data-role={c === dateColumn ? "date" : c === valueColumn ? "value" : undefined} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {file.columns.map((c, j) => (
                <td key={c} data-role={c === dateColumn ? "date" : c === valueColumn ? "value" : undefined}>
                  {row[j] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {file.rowCount > rows.length && <p className="faint table-more">…and {plural(file.rowCount - rows.length, "more row")}</p>}
    </ScrollBox>
  );
}

/** What the check found. With problems, no count of importable values is shown (nothing will be imported); a file of several series leads to the row filter or to the many-series import instead. */
export function CheckSummary({ summary, onChooseSeries, onImportAll }: { summary: ParseSummary; onChooseSeries?: () => void; onImportAll?: () => void }) {
  const ok = summary.errorCount === 0 && summary.observationCount > 0;
  const split = summary.split;
  if (split) {
    return (
      <div className="check check-split" data-testid="import-check" role="status">
        <p>
          <strong>This file holds {plural(split.count, "series", "series")}</strong>, one for each value of <span className="mono">{split.column}</span>, so the same
          dates appear more than once.
        </p>
        <p>Import one of them into this series, or import them all at once, each into a series of its own.</p>
        <div className="row" style={{ flexWrap: "wrap" }}>
          {onChooseSeries && (
            <button type="button" className="btn btn-sm btn-primary" onClick={onChooseSeries} data-testid="choose-one-series">
              Choose one {split.column}
            </button>
          )}
          {onImportAll && (
            <button type="button" className="btn btn-sm" onClick={onImportAll} data-testid="import-all-series">
              Import all {plural(split.count, "series", "series")}…
            </button>
          )}
        </div>
        <details className="faint">
          <summary>Why the rows clash</summary>
          <RowErrors errors={summary.errors} total={summary.errorCount} />
        </details>
      </div>
    );
  }
  return (
    <div className={ok ? "check check-ok" : "check check-bad"} data-testid="import-check" role="status">
      {summary.errorCount > 0 ? null : summary.observationCount > 0 ? (
        <p>
          <strong>{plural(summary.observationCount, "observation")}</strong> from {summary.firstDate} to {summary.lastDate} (last value {formatValue(summary.lastValue)}).
        </p>
      ) : (
        <p>
          <strong>No values to import</strong>: every row was empty, missing or wrong.
        </p>
      )}
      {summary.errorCount === 0 && (summary.skippedMissing > 0 || summary.duplicates > 0) && (
        <p className="faint">
          {summary.skippedMissing > 0 && `${plural(summary.skippedMissing, "row")} with a missing value will be skipped. `}
          {summary.duplicates > 0 && `${plural(summary.duplicates, "repeated row")} will be merged.`}
        </p>
      )}
      {summary.errorCount > 0 && (
        <div className="alert alert-error" data-testid="import-row-errors">
          <p>
            <strong>{plural(summary.errorCount, "row has a problem", "rows have problems")}</strong>; nothing will be imported until the file is fixed.
          </p>
          <RowErrors errors={summary.errors} total={summary.errorCount} />
        </div>
      )}
    </div>
  );
}

export function RowErrors({ errors, total }: { errors: RowError[]; total: number }) {
  return (
    <>
      <ul className="row-errors">
        {errors.map((e, i) => (
          <li key={`${e.row}-${i}`}>
            <span className="row-error-line">Line {e.row}</span> {e.message}
          </li>
        ))}
      </ul>
      {total > errors.length && <p className="faint">…and {plural(total - errors.length, "more row")} with problems.</p>}
    </>
  );
}
